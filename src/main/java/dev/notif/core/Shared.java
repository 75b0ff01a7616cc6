package dev.notif.core;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the commands of one notif process share. A run over notif.toml runs hundreds of store commands in one process:
 * an access token, a parsed key or a client made for one store serves the next store with the same credentials, as
 * it would within one command. One per process ({@code Main}; a test's run is a process of its own), carried into
 * every store command of a fleet run by its context. Each user keeps its state in one object of a class of its own:
 * {@code ctx.shared(GoogleTokens.class, GoogleTokens::new)}.
 */
public final class Shared {
    private final ConcurrentHashMap<Class<?>, Object> byKind = new ConcurrentHashMap<>();

    /** The process's one {@code kind}, made by {@code make} the first time it is asked for. */
    public <T> T get(Class<T> kind, Supplier<? extends T> make) {
        return kind.cast(byKind.computeIfAbsent(kind, k -> make.get()));
    }
}
