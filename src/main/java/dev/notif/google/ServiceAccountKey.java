package dev.notif.google;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Json;
import dev.notif.core.NotifException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * A service-account key file (the JSON that Google Cloud console > IAM > Service accounts > Keys downloads), read
 * before google-auth-library gets it so that a damaged one is named precisely: the account's e-mail, its RSA private
 * key, the token endpoint and the project.
 */
public record ServiceAccountKey(String clientEmail, String privateKeyId, PrivateKey privateKey, String tokenUri,
                                String projectId) {
    public static final String DEFAULT_TOKEN_URI = "https://oauth2.googleapis.com/token";
    static final String CREATE_KEY = "create a JSON key for a service account (Google Cloud console > IAM & Admin >"
        + " Service accounts > the account > Keys > Add key > JSON) and pass it with --credentials FILE or"
        + " GOOGLE_APPLICATION_CREDENTIALS";

    static ServiceAccountKey parse(String text, Path file) {
        JsonNode json = Json.parseOrNull(text);
        if (json == null || !json.isObject()) {
            throw NotifException.credentials(file + " is not a JSON key file", CREATE_KEY);
        }
        String type = Json.text(json, "type");
        if (!"service_account".equals(type)) {
            throw NotifException.credentials(file + " is not a service-account key (its type is " + type + ")",
                CREATE_KEY);
        }
        String email = Json.text(json, "client_email");
        String pem = Json.text(json, "private_key");
        if (email == null || pem == null) {
            throw NotifException.credentials(file + " lacks " + (email == null ? "client_email" : "private_key"),
                "download the key again: " + CREATE_KEY);
        }
        String tokenUri = Json.text(json, "token_uri");
        return new ServiceAccountKey(email, Json.text(json, "private_key_id"), privateKey(pem, file),
            tokenUri == null ? DEFAULT_TOKEN_URI : tokenUri, Json.text(json, "project_id"));
    }

    private static PrivateKey privateKey(String pem, Path file) {
        String body = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(body);
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw NotifException.credentials("the private_key in " + file + " is not a PKCS#8 RSA key",
                "the file was altered or is not a Google key; " + CREATE_KEY);
        }
    }
}
