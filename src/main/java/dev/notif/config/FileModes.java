package dev.notif.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/** Whether a file's POSIX mode lets other users read it. */
final class FileModes {
    private FileModes() {
    }

    /** The octal mode ({@code 0644}) when group or others may read the file; null when not, or not POSIX. */
    static String readableByOthers(Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (!perms.contains(PosixFilePermission.GROUP_READ) && !perms.contains(PosixFilePermission.OTHERS_READ)) {
                return null;
            }
            int mode = 0;
            for (PosixFilePermission p : perms) {
                mode |= 1 << (8 - p.ordinal());
            }
            return String.format("%04o", mode);
        } catch (UnsupportedOperationException | IOException e) {
            return null;
        }
    }
}
