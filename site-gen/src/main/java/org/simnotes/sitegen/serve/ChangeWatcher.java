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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.simnotes.sitegen.content.FileChanges;

/**
 * Watches folders (and their subfolders) and calls back once a burst of changes has settled, so an
 * editor's save-as-rename-and-write triggers one rebuild, not three. The callback gets the files the
 * burst changed since the watch began; anything may have changed when the watcher lost events or when
 * a folder appeared (its files may predate its watch).
 */
public final class ChangeWatcher implements AutoCloseable {
    private static final long SETTLE_MILLIS = 60;

    private final WatchService watcher = FileSystems.getDefault().newWatchService();
    private final Thread thread;

    public ChangeWatcher(List<Path> dirs, Consumer<FileChanges> onChange) throws IOException {
        for (Path dir : dirs) {
            registerTree(dir);
        }
        thread = new Thread(() -> loop(onChange), "change-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void registerTree(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path d : all.filter(Files::isDirectory).toList()) {
                d.register(watcher, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
            }
        }
    }

    private void loop(Consumer<FileChanges> onChange) {
        try {
            while (true) {
                Set<Path> changed = new HashSet<>();
                WatchKey key = watcher.take();
                boolean any = drain(key, changed);
                WatchKey more;
                while ((more = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    any |= drain(more, changed);
                }
                onChange.accept(any ? FileChanges.ANY : FileChanges.of(changed));
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: stop watching
        }
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
        return !key.reset() || any;
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        thread.interrupt();
    }
}
