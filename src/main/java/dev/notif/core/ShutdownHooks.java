package dev.notif.core;

/**
 * The shutdown hooks notif registers. A run that registered none ends by halting the JVM once its output is flushed
 * ({@code dev.notif.Main}): {@code System.exit} first asks for a {@code System.Logger} to log the exit with, and
 * finding the logger backend searches every jar of the class path for a provider, which opens them all (about 70 ms of
 * CPU on every command). A command that must finish something when the JVM stops registers its hook here.
 */
public final class ShutdownHooks {
    private static volatile int registered;

    private ShutdownHooks() {
    }

    public static synchronized void add(Thread hook) {
        Runtime.getRuntime().addShutdownHook(hook);
        registered++;
    }

    /** Whether the process must end through {@code System.exit}, which runs the hooks. */
    public static boolean registered() {
        return registered > 0;
    }

    /** How many hooks were registered here (ShutdownHooksTest: no library registers one of its own). */
    public static int count() {
        return registered;
    }
}
