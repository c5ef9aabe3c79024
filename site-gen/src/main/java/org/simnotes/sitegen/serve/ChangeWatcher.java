package org.simnotes.sitegen.serve;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.simnotes.sitegen.content.FileChanges;

/**
 * Watches folders (and their subfolders) and calls back once a burst of changes has settled, so an
 * editor's save-as-rename-and-write triggers one rebuild, not three. The callback gets the files the
 * burst changed since the watch began; anything may have changed when the watcher lost events or when
 * a folder appeared (its files may predate its watch). A watched folder that is deleted, or replaced
 * by another of the same name, is watched again once it is back.
 *
 * <p>The watching itself is directory-watcher's: the operating system's own file events, which on
 * macOS are FSEvents, where the JDK's watch service only polls every few seconds.
 */
public final class ChangeWatcher implements AutoCloseable {
    private static final long SETTLE_MILLIS = 60;
    /** How often the watched folders themselves are looked at, as a watch cannot see its own folder come back. */
    private static final long ROOT_CHECK_MILLIS = 500;

    /** One event: a path that changed, or, when {@code path} is null, anything. */
    private record Change(Path path) {
    }

    private final List<Path> roots;
    private final BlockingQueue<Change> changes = new LinkedBlockingQueue<>();
    private final ExecutorService events = Executors.newSingleThreadExecutor(r -> daemon(r, "change-events"));
    /** Each watched folder's identity when the watch began; null while it is missing. */
    private final List<Object> rootIds = new ArrayList<>();
    private DirectoryWatcher watcher;
    private final Thread thread;

    public ChangeWatcher(List<Path> dirs, Consumer<FileChanges> onChange) throws IOException {
        roots = List.copyOf(dirs);
        roots.forEach(root -> rootIds.add(identity(root)));
        watch();
        thread = daemon(() -> loop(onChange), "change-watcher");
        thread.start();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
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

    /** Starts watching the roots that are there; their folders are registered before this returns. */
    private void watch() throws IOException {
        List<Path> present = new ArrayList<>();
        for (int i = 0; i < roots.size(); i++) {
            if (rootIds.get(i) != null) {
                present.add(roots.get(i));
            }
        }
        if (present.isEmpty()) {
            watcher = null;
            return;
        }
        watcher = DirectoryWatcher.builder()
                .paths(present)
                // Files are compared by the build, which reads again every file named here.
                .fileHashing(false)
                .listener(this::queue)
                .build();
        watcher.watchAsync(events);
    }

    private void queue(DirectoryChangeEvent e) {
        boolean folderCame = e.eventType() == DirectoryChangeEvent.EventType.CREATE && e.isDirectory();
        boolean lost = e.eventType() == DirectoryChangeEvent.EventType.OVERFLOW || e.path() == null;
        changes.add(new Change(folderCame || lost ? null : e.path()));
    }

    private void loop(Consumer<FileChanges> onChange) {
        try {
            while (true) {
                Set<Path> changed = new HashSet<>();
                boolean any = false;
                Change c = changes.poll(ROOT_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                while (c != null) {
                    if (c.path() == null) {
                        any = true;
                    } else {
                        changed.add(c.path());
                    }
                    c = changes.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS);
                }
                any |= rootsReplaced();
                if (any || !changed.isEmpty()) {
                    onChange.accept(any ? FileChanges.ANY : FileChanges.of(changed));
                }
            }
        } catch (InterruptedException e) {
            // closed: stop watching
        }
    }

    /**
     * Watches again when a root was deleted, made again or replaced since its watch began (a watch
     * follows its folder, wherever it was moved); returns whether any was.
     */
    private boolean rootsReplaced() {
        boolean replaced = false;
        for (int i = 0; i < roots.size(); i++) {
            Object id = identity(roots.get(i));
            if (!Objects.equals(id, rootIds.get(i))) {
                rootIds.set(i, id);
                replaced = true;
            }
        }
        if (replaced) {
            try {
                if (watcher != null) {
                    watcher.close();
                }
                watch();
            } catch (IOException e) {
                // Still being made or moved: forget its identity so the next look tries again.
                for (int i = 0; i < roots.size(); i++) {
                    rootIds.set(i, null);
                }
            }
        }
        return replaced;
    }

    @Override
    public void close() throws IOException {
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (watcher != null) {
            watcher.close();
        }
        events.shutdownNow();
    }
}
