package dev.notif.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Files that hold secrets: written atomically, readable by the owner only (0600) from the first byte; and secrets
 * read from a file or standard input the user named ({@code --secret-file FILE}, {@code --secret -}), with a one-line
 * error for each way that goes wrong and a warning when other users can read the file.
 */
public final class SecretFiles {
    private SecretFiles() {
    }

    public static void write(Path file, String content) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            DurableFiles.directories(dir); // missing directories 0700
            Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            createPrivate(tmp);
            Files.writeString(tmp, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw NotifException.usage("cannot write " + file + ": " + e.getMessage(),
                "choose a writable path for the file");
        }
    }

    /** Reads a secret from a file, without its trailing newline. */
    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw NotifException.usage("cannot read " + file + ": " + e.getMessage(), "check the path and its permissions");
        }
    }

    /**
     * The one secret in {@code file}, given as {@code option}: trailing line breaks dropped (spaces are kept, for the
     * secret's own checks to name), remembered for redaction. A missing, unreadable or empty file, or one of several
     * lines, is a usage error; a file other users may read is used with a warning naming its mode.
     */
    public static String readOne(String option, Path file, Consumer<String> warn) {
        List<String> lines = readLines(option, file, warn);
        if (lines.size() > 1) {
            throw NotifException.usage(option + " " + file + " holds " + lines.size() + " lines; one secret expected",
                "keep only the secret in the file, on one line");
        }
        return lines.get(0);
    }

    /** The non-blank lines of {@code file} (at least one), each a secret, checked as {@link #readOne} does. */
    public static List<String> readLines(String option, Path file, Consumer<String> warn) {
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw NotifException.usage(option + " " + file + " is a directory", "pass the file that holds the secret");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw NotifException.usage(option + " " + file + ": no such file", "check the path");
        } catch (AccessDeniedException e) {
            throw NotifException.usage(option + " " + file + " cannot be read: permission denied",
                "check its owner and mode (ls -l " + file + ")");
        } catch (IOException e) {
            throw NotifException.usage(option + " " + file + " cannot be read: " + e.getMessage(),
                "check the path and its permissions");
        }
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            throw NotifException.usage(option + " " + file + " is empty", "put the secret in it, on one line");
        }
        lines.forEach(Secrets::remember);
        String mode = readableByOthers(file);
        if (mode != null) {
            warn.accept(option + " " + file + " is readable by other users (mode " + mode + "); make it private: chmod"
                + " 600 " + file);
        }
        return lines;
    }

    /** The secret on standard input ({@code option -}): all of it, without the final line break; remembered. */
    public static String readStdin(String option, InputStream in) {
        String text;
        try {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw NotifException.usage(option + " -: standard input cannot be read: " + e.getMessage(),
                "pipe the secret in: notif ... " + option + " - < FILE");
        }
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            throw NotifException.usage(option + " -: standard input was empty", "pipe the secret in, for example from"
                + " a password manager or a file: " + option + " - < FILE");
        }
        if (lines.size() > 1) {
            throw NotifException.usage(option + " -: standard input holds " + lines.size() + " lines; one secret"
                + " expected", "pipe in the secret alone");
        }
        Secrets.remember(lines.get(0));
        return lines.get(0);
    }

    /** The octal mode ({@code 0644}) when group or others may read the file; null when not, or not POSIX. */
    public static String readableByOthers(Path file) {
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

    private static void createPrivate(Path path) throws IOException {
        try {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(path); // not a POSIX file system (Windows): the user's profile ACLs apply
        }
    }
}
