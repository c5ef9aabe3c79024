package org.simnotes.sitegen.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches folders (and their subfolders) and calls back once a burst of changes has settled, so an
 * editor's save-as-rename-and-write triggers one rebuild, not three.
 */
public final class ChangeWatcher implements AutoCloseable {
    private static final long SETTLE_MILLIS = 60;

    private final WatchService watcher = FileSystems.getDefault().newWatchService();
    private final Thread thread;

    public ChangeWatcher(List<Path> dirs, Runnable onChange) throws IOException {
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

    private void loop(Runnable onChange) {
        try {
            while (true) {
                WatchKey key = watcher.take();
                drain(key);
                WatchKey more;
                while ((more = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    drain(more);
                }
                onChange.run();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: stop watching
        }
    }

    private void drain(WatchKey key) {
        Path dir = (Path) key.watchable();
        key.pollEvents().forEach(ev -> {
            if (ev.kind() == ENTRY_CREATE && ev.context() instanceof Path name) {
                try {
                    registerTree(dir.resolve(name));
                } catch (IOException e) {
                    // a folder that vanished at once needs no watching
                }
            }
        });
        key.reset();
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        thread.interrupt();
    }
}
