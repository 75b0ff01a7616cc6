package dev.notif.listen;

import dev.notif.core.DurableFiles;
import dev.notif.core.NotifException;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What {@code notif listen} checks before it starts: a data directory it can write, an address of this machine. */
public final class ListenInputs {
    private ListenInputs() {
    }

    /** The port to bind (0: any free one) and the largest body accepted; exit 2 with a hint otherwise. */
    public static void limits(int port, int maxBody) {
        if (port < 0 || port > 65535) {
            throw NotifException.usage("--port must be between 0 and 65535, got " + port, "0 picks a free port");
        }
        if (maxBody < 1024) {
            throw NotifException.usage("--max-body must be at least 1024 bytes, got " + maxBody, "the default is 1 MiB");
        }
    }

    /** Creates the data directory (0700) when missing and proves it writable; exit 2 with a hint otherwise. */
    public static Path dataDir(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw NotifException.usage("--data-dir " + dir + " is a file, not a directory",
                "pass a directory for the event log (it is created when missing)");
        }
        try {
            DurableFiles.directories(dir);
            Path probe = Files.createTempFile(dir, ".notif-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw NotifException.usage("cannot write in --data-dir " + dir + ": " + reason(e),
                "pass a directory this user can write to (--data-dir DIR)");
        }
        return dir;
    }

    /** The address to bind: resolved now, so that a name that does not resolve is a usage error. */
    public static InetAddress host(String host) {
        if (host == null || host.isBlank()) {
            throw NotifException.usage("--host is empty", "pass an address of this machine, e.g. 127.0.0.1 or 0.0.0.0");
        }
        try {
            return InetAddress.getByName(host.strip());
        } catch (UnknownHostException | SecurityException e) {
            throw NotifException.usage("cannot resolve --host " + host, "pass an address of this machine, e.g."
                + " 127.0.0.1, ::1 or 0.0.0.0 (every interface)");
        }
    }

    /** Why binding failed, as a usage error: the port is taken, or the address is not this machine's. */
    public static NotifException bindFailed(String host, int port, BindException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("assign requested address")) {
            return NotifException.usage("cannot listen on " + host + ":" + port + ": " + host
                + " is not an address of this machine", "pass 127.0.0.1, 0.0.0.0 (every interface) or an address"
                + " of one of this machine's interfaces");
        }
        if (m.contains("ermission denied")) {
            return NotifException.usage("cannot listen on " + host + ":" + port + ": permission denied",
                "ports below 1024 need privileges; pass --port 8085 or another port above 1023");
        }
        return NotifException.usage("cannot listen on " + host + ":" + port + ": " + m,
            "another process holds the port (maybe another notif listen); pass --port 0 or another port");
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "it cannot be created there";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() == null) {
            return "it cannot be created there";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
