package dev.notif.config;

import dev.notif.core.SecretFiles;
import java.nio.file.Path;

/** Whether a file's POSIX mode lets other users read it. */
final class FileModes {
    private FileModes() {
    }

    /** The octal mode ({@code 0644}) when group or others may read the file; null when not, or not POSIX. */
    static String readableByOthers(Path file) {
        return SecretFiles.readableByOthers(file);
    }
}
