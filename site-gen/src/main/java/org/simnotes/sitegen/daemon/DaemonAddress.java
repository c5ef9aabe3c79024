package org.simnotes.sitegen.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Optional;
import java.util.Set;

/**
 * Where the build daemon of one working folder and one installation listens: a socket, a lock file that
 * holds its process id, and its log. They sit in a folder only this user may open, so no other user can
 * ask the daemon for a build or read what it printed.
 */
record DaemonAddress(Path socket, Path lock, Path log) {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    /** The files beside a daemon's socket. */
    static DaemonAddress at(Path socket) {
        String name = socket.getFileName().toString();
        String stem = name.endsWith(".sock") ? name.substring(0, name.length() - ".sock".length()) : name;
        return new DaemonAddress(socket, socket.resolveSibling(stem.concat(".lock")), socket.resolveSibling(stem.concat(".log")));
    }

    /** The address for {@code identity}, everything that must match for a daemon to be reused, in {@code folder}. */
    static DaemonAddress in(Path folder, String identity) {
        // 64-bit FNV-1a rather than SHA-256, whose provider would take a tenth of the client's run to start;
        // the name tells a user's own daemons apart and guards nothing. Short, as a socket's path is
        // limited to about a hundred bytes.
        long hash = 0xcbf29ce484222325L;
        for (byte b : identity.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return at(folder.resolve(Long.toHexString(hash).concat(".sock")));
    }

    /**
     * {@code folder}, made if missing, when it is a folder of this user's that no one else may enter;
     * empty where the file system has no such notion or the folder is anyone else's to open.
     */
    static Optional<Path> privateFolder(Path folder) throws IOException {
        if (!folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Optional.empty();
        }
        try {
            Files.createDirectory(folder);
            Files.setPosixFilePermissions(folder, OWNER_ONLY);
        } catch (FileAlreadyExistsException e) {
            // Checked below like any folder found there.
        }
        PosixFileAttributes found = Files.readAttributes(folder, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        UserPrincipal me = folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(System.getProperty("user.name"));
        boolean mine = found.isDirectory() && found.owner().equals(me) && found.permissions().equals(OWNER_ONLY);
        return mine ? Optional.of(folder) : Optional.empty();
    }
}
