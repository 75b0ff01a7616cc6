package dev.notif.listen;

/**
 * A store's options of {@code notif listen} (a picocli mixin in {@code dev.notif.cli}) and the route they build.
 * Adding a store to the receiver is one mixin field in {@code ListenCommand}.
 */
public interface RouteOptions {
    StoreRoute route(ListenSetup setup);
}
