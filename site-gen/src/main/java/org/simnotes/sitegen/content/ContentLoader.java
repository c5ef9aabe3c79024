package org.simnotes.sitegen.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.simnotes.sitegen.fault.BuildException;
import org.simnotes.sitegen.fault.Problems;

/** Reads {@code site.yml} and every topic file of a content folder into a {@link Content}. */
public final class ContentLoader {

    private ContentLoader() {
    }

    /** Loads the content; throws with every fault found. */
    public static Content load(Path contentDir) throws BuildException {
        Problems problems = new Problems();
        Content content = load(contentDir, new TopicFiles(), FileChanges.ANY, problems);
        problems.throwIfAny();
        return content;
    }

    /**
     * Loads the content, reusing from {@code files} (the last load's, which then holds this load's)
     * every topic whose file has the same size and modification time, so the dev server reads again
     * only the files an edit touched. When {@code changes} names the files that changed, only those
     * (and files that had faults) are looked at; otherwise the folder is listed and every file's
     * times read. A topic's faults are recorded in {@code problems} and the topic left out, so later
     * stages still report the other files' faults; only a missing folder or a broken site.yml throws.
     */
    public static Content load(Path contentDir, TopicFiles files, FileChanges changes, Problems problems) throws BuildException {
        if (!Files.isDirectory(contentDir)) {
            throw new BuildException(contentDir, 0, "content folder not found");
        }
        SourceFolder folder;
        try {
            folder = new SourceFolder(contentDir);
        } catch (IOException e) {
            throw new BuildException(contentDir, 0, "cannot read: " + e.getMessage());
        }
        SiteConfig config = SiteConfig.load(contentDir, folder);
        boolean everything = changes.any() || files.byFile.isEmpty();
        List<Path> look = everything ? topicFiles(contentDir, problems) : changed(contentDir, files, changes);
        Map<String, FrontMatter> known = files.frontMatter;
        Map<String, FrontMatter> found = everything ? new ConcurrentHashMap<>() : known;
        List<TopicFiles.Stamped> looked = look.parallelStream()
                // A file the watcher named is read again, though its size and time may look the same.
                .map(file -> load(file, everything ? files.byFile.get(file) : null, folder, problems, known, found))
                .toList();
        if (everything) {
            files.byFile.clear();
            files.frontMatter = found;
        }
        for (int i = 0; i < look.size(); i++) {
            if (looked.get(i) == null) {
                files.byFile.remove(look.get(i));
            } else {
                files.byFile.put(look.get(i), looked.get(i));
            }
        }
        List<Topic> topics = new ArrayList<>();
        Set<String> faulty = new TreeSet<>();
        files.byFile.forEach((file, f) -> {
            if (f.topic() != null) {
                topics.add(f.topic());
            } else {
                faulty.add(file.getFileName().toString());
            }
        });
        for (Topic t : duplicates(topics, problems)) {
            topics.remove(t);
            faulty.add(t.file().getFileName().toString());
        }
        // Each category's place in site.yml, found once rather than searched for in every comparison.
        Map<String, Integer> ranks = new HashMap<>();
        for (String c : config.categories()) {
            ranks.putIfAbsent(c, ranks.size());
        }
        for (Topic t : topics) {
            if (!ranks.isEmpty() && !ranks.containsKey(t.category())) {
                problems.error(t.file(), t.categoryLine(), "category '" + t.category() + "' is not listed under categories in "
                        + SiteConfig.FILE_NAME + " " + config.categories());
            }
        }
        if (topics.isEmpty() && faulty.isEmpty()) {
            problems.error(contentDir, 0, "no topics: add markdown files (*.md) with front matter");
        }
        topics.sort(Comparator.comparingInt((Topic t) -> ranks.getOrDefault(t.category(), Integer.MAX_VALUE))
                .thenComparingInt(Topic::order)
                .thenComparing(Topic::slug));
        return new Content(contentDir, config, topics, Set.copyOf(faulty));
    }

    /** The topics whose slug an earlier file already has, each reported. */
    private static List<Topic> duplicates(List<Topic> topics, Problems problems) {
        Map<String, Topic> bySlug = new HashMap<>();
        List<Topic> duplicates = new ArrayList<>();
        for (Topic t : topics) {
            Topic first = bySlug.putIfAbsent(t.slug(), t);
            if (first != null) {
                problems.error(t.file(), t.slugLine(), "slug '" + t.slug() + "' is already used by "
                        + first.file().getFileName() + ": every topic needs its own slug");
                duplicates.add(t);
            }
        }
        return duplicates;
    }

    private static List<Path> topicFiles(Path dir, Problems problems) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            problems.error(dir, 0, "cannot list: " + e.getMessage());
            return List.of();
        }
    }

    /**
     * The topic files to look at when only {@code changes} changed: the changed ones in the folder
     * (new, edited or gone) and those that had faults, in file order.
     */
    private static List<Path> changed(Path contentDir, TopicFiles files, FileChanges changes) {
        Path dir = contentDir.toAbsolutePath().normalize();
        Set<Path> look = new TreeSet<>();
        for (Path p : changes.paths()) {
            Path abs = p.toAbsolutePath().normalize();
            if (dir.equals(abs.getParent()) && abs.getFileName().toString().endsWith(".md")) {
                look.add(contentDir.resolve(abs.getFileName().toString()));
            }
        }
        files.byFile.forEach((file, f) -> {
            if (f.topic() == null) {
                look.add(file);
            }
        });
        return List.copyOf(look);
    }

    /**
     * A topic file with its size, time and topic (reused from {@code before} when the file has the
     * same size and time, read otherwise; null when the file has faults), or null when it is no
     * regular file or its times cannot be read: an editor's lock file may be a link to nowhere, and
     * a deleted file is gone. A link to a file outside the folder is a fault, not a topic. Front matter is taken from
     * {@code known} and put into {@code found} ({@link TopicParser#parse}).
     */
    private static TopicFiles.Stamped load(Path file, TopicFiles.Stamped before, SourceFolder folder, Problems problems,
                                           Map<String, FrontMatter> known, Map<String, FrontMatter> found) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            return null;
        }
        if (!a.isRegularFile()) {
            return null;
        }
        long modified = a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        if (before != null && before.topic() != null && before.size() == a.size() && before.modified() == modified) {
            return before;
        }
        String text = folder.readText(file, problems);
        return new TopicFiles.Stamped(a.size(), modified, text == null ? null : TopicParser.parse(file, text, problems, known, found));
    }
}
