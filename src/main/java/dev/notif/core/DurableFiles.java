package dev.notif.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that must survive a crash and may hold what a store sent (the receiver's log, the forwarding queue): created
 * readable by the owner only (files 0600, directories 0700) from the first byte, replaced atomically, forced to disk.
 */
public final class DurableFiles {
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");

    private DurableFiles() {
    }

    /** Whether a file can be made at {@code file}: it is not a directory and its directory exists. */
    public static boolean canCreate(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        return !Files.isDirectory(file) && dir != null && Files.isDirectory(dir);
    }

    /** Creates {@code dir} and its missing parents, the new ones 0700; an existing directory is left as it is. */
    public static Path directories(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            return dir;
        }
        if (abs.getParent() != null) {
            directories(abs.getParent());
        }
        try {
            Files.createDirectory(abs, attribute(DIR));
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(abs)) {
                throw e;
            }
        }
        return dir;
    }

    /** Makes an existing file (0600) or directory (0700) the owner's only, as a file holding secrets must be. */
    public static void restrict(Path path) throws IOException {
        if (java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, Files.isDirectory(path) ? DIR : FILE);
        }
    }

    /** Opens {@code file} for reading and writing, creating it 0600 when it does not exist. */
    public static FileChannel openPrivate(Path file) throws IOException {
        return FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE), attribute(FILE));
    }

    /** Writes a 0600 temporary file, forces it, renames it over {@code file} and forces the directory. */
    public static void replace(Path file, byte[] bytes) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
            attribute(FILE))) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory(file.toAbsolutePath().getParent());
    }

    /** Makes a rename or a new file in {@code dir} durable (where the file system lets a directory be opened). */
    public static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every file system lets a directory be opened (Windows): the rename is still atomic
        }
    }

    private static FileAttribute<?>[] attribute(Set<PosixFilePermission> perms) {
        boolean posix = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(perms)} : new FileAttribute<?>[0];
    }
}
