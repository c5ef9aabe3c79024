package org.simnotes.sitegen.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.simnotes.sitegen.content.FileChanges;

/** The watcher tells the rebuild which files changed, and says "anything" when it cannot know. */
class ChangeWatcherTest {
    @TempDir
    Path dir;

    @Test
    void reportsTheFilesABurstChanged() throws Exception {
        Path a = Files.writeString(dir.resolve("a.md"), "a");
        Path b = Files.writeString(dir.resolve("b.md"), "b");
        BlockingQueue<FileChanges> seen = new LinkedBlockingQueue<>();
        try (ChangeWatcher watcher = new ChangeWatcher(List.of(dir), seen::add)) {
            Files.writeString(a, "a3");
            Files.delete(b);
            Path c = Files.writeString(dir.resolve("c.md"), "c");
            // One callback for the burst, unless the machine paused between the writes for longer than
            // the watcher waits for a burst to settle.
            Set<Path> named = new HashSet<>();
            while (!named.containsAll(Set.of(a, b, c))) {
                FileChanges burst = next(seen);
                assertFalse(burst.any());
                named.addAll(burst.paths());
            }
            assertEquals(Set.of(a, b, c), named);

            Path sub = Files.createDirectory(dir.resolve("more"));
            assertTrue(next(seen).any(), "a new folder's files may predate its watch");
            Path d = Files.writeString(sub.resolve("d.md"), "d");
            assertEquals(Set.of(d), next(seen).paths(), "files in the new folder are watched");
        }
    }

    @Test
    void aWatchedFolderDeletedOrReplacedIsWatchedOnceItIsBack() throws Exception {
        Path root = Files.createDirectory(dir.resolve("content"));
        BlockingQueue<FileChanges> seen = new LinkedBlockingQueue<>();
        try (ChangeWatcher watcher = new ChangeWatcher(List.of(root), seen::add)) {
            Files.delete(root);
            assertTrue(next(seen).any(), "the folder's files are gone");
            Files.createDirectory(root);
            assertTrue(next(seen).any(), "the folder's files may predate its watch");
            Path a = Files.writeString(root.resolve("a.md"), "a");
            assertEquals(Set.of(a), next(seen).paths(), "the folder made again is watched");

            Path fresh = Files.createDirectory(dir.resolve("fresh"));
            Files.move(root, dir.resolve("old"));
            Files.move(fresh, root);
            assertTrue(next(seen).any(), "another folder took its place");
            Files.writeString(dir.resolve("old/a.md"), "moved away");
            Path b = Files.writeString(root.resolve("b.md"), "b");
            assertEquals(Set.of(b), next(seen).paths(), "the folder now at its place is watched, the one moved away is not");
        }
    }

    private static FileChanges next(BlockingQueue<FileChanges> seen) throws InterruptedException {
        FileChanges changes = seen.poll(20, TimeUnit.SECONDS);
        assertTrue(changes != null, "the watcher called back");
        return changes;
    }
}
