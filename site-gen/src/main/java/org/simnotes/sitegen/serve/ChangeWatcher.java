package org.simnotes.sitegen.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.simnotes.sitegen.content.FileChanges;

/**
 * Watches folders (and their subfolders) and calls back once a burst of changes has settled, so an
 * editor's save-as-rename-and-write triggers one rebuild, not three. The callback gets the files the
 * burst changed since the watch began; anything may have changed when the watcher lost events or when
 * a folder appeared (its files may predate its watch). A watched folder that is deleted, or replaced
 * by another of the same name, is watched again once it is back.
 */
public final class ChangeWatcher implements AutoCloseable {
    private static final long SETTLE_MILLIS = 60;
    /** How often the watched folders themselves are looked at, as a watch cannot see its own folder come back. */
    private static final long ROOT_CHECK_MILLIS = 500;

    private final WatchService watcher = FileSystems.getDefault().newWatchService();
    private final List<Path> roots;
    /** Each watched folder's identity when its watch began; absent while it is missing. */
    private final Map<Path, Object> rootIds = new HashMap<>();
    /** The watch of every folder watched, so that a replaced folder's watches can be cancelled. */
    private final Map<Path, WatchKey> keys = new HashMap<>();
    private final Thread thread;

    public ChangeWatcher(List<Path> dirs, Consumer<FileChanges> onChange) throws IOException {
        roots = List.copyOf(dirs);
        for (Path root : roots) {
            Object id = identity(root);
            if (id != null) {
                registerTree(root);
                rootIds.put(root, id);
            }
        }
        thread = new Thread(() -> loop(onChange), "change-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** The folder's file key (another folder put in its place has another), or null when it is not a folder. */
    private static Object identity(Path dir) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(dir, BasicFileAttributes.class);
            // Without file keys, only a folder's absence can be seen.
            return !attrs.isDirectory() ? null : attrs.fileKey() != null ? attrs.fileKey() : Boolean.TRUE;
        } catch (IOException e) {
            return null;
        }
    }

    private void registerTree(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path d : all.filter(Files::isDirectory).toList()) {
                keys.put(d, d.register(watcher, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE));
            }
        }
    }

    private void loop(Consumer<FileChanges> onChange) {
        try {
            while (true) {
                Set<Path> changed = new HashSet<>();
                boolean any = false;
                WatchKey key = watcher.poll(ROOT_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                if (key != null) {
                    any = drain(key, changed);
                    WatchKey more;
                    while ((more = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                        any |= drain(more, changed);
                    }
                }
                any |= rootsReplaced();
                if (any || !changed.isEmpty()) {
                    onChange.accept(any ? FileChanges.ANY : FileChanges.of(changed));
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: stop watching
        }
    }

    /**
     * Watches again each root that was deleted, made again or replaced since its watch began (a watch
     * follows its folder, wherever it was moved); returns whether any was.
     */
    private boolean rootsReplaced() {
        boolean replaced = false;
        for (Path root : roots) {
            Object id = identity(root);
            if (Objects.equals(id, rootIds.get(root))) {
                continue;
            }
            replaced = true;
            keys.entrySet().removeIf(e -> {
                boolean under = e.getKey().startsWith(root);
                if (under) {
                    e.getValue().cancel();
                }
                return under;
            });
            rootIds.remove(root);
            try {
                registerTree(root);
                if (id != null) {
                    rootIds.put(root, id);
                }
            } catch (IOException e) {
                // Still being made or moved: the next look tries again.
            }
        }
        return replaced;
    }

    /** Adds the files the key's events name to {@code changed}; returns whether anything else may have changed. */
    private boolean drain(WatchKey key, Set<Path> changed) {
        Path dir = (Path) key.watchable();
        boolean any = false;
        for (WatchEvent<?> ev : key.pollEvents()) {
            if (!(ev.context() instanceof Path name)) {
                any = true;
                continue;
            }
            Path p = dir.resolve(name);
            changed.add(p);
            if (ev.kind() == ENTRY_CREATE && Files.isDirectory(p)) {
                any = true;
                try {
                    registerTree(p);
                } catch (IOException e) {
                    // a folder that vanished at once needs no watching
                }
            }
        }
        // A key that is no longer valid lost its folder, which may have been renamed with its files.
        if (!key.reset()) {
            keys.remove(dir, key);
            return true;
        }
        return any;
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        thread.interrupt();
    }
}
