package dev.notif.probe;

import java.util.Map;

/**
 * One request as a store sends it: the URL, the exact headers and body bytes, the Content-Type. Each store's delivery
 * record implements it and carries, beside the bytes, what its {@link Classifier} needs to judge the answer.
 */
public interface Delivery {
    String url();

    Map<String, String> headers();

    byte[] body();

    String contentType();
}
