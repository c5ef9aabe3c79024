package org.simnotes.sitegen.content;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.simnotes.sitegen.build.BuildException;
import org.simnotes.sitegen.build.Problems;

/** Reads {@code site.yml} and every topic file of a content folder into a {@link Content}. */
public final class ContentLoader {

    private ContentLoader() {
    }

    public static Content load(Path contentDir) throws BuildException {
        return load(contentDir, new HashMap<>());
    }

    /**
     * Loads the content, reusing from {@code parsed} every topic whose file has the same size and
     * modification time as at the last load with the same map (which then holds this load's topics),
     * so the dev server reads again only the files an edit touched.
     */
    public static Content load(Path contentDir, Map<String, Topic> parsed) throws BuildException {
        if (!Files.isDirectory(contentDir)) {
            throw new BuildException(contentDir, 0, "content folder not found");
        }
        SiteConfig config = SiteConfig.load(contentDir);
        Problems problems = new Problems();
        List<Topic> topics = new ArrayList<>();
        Map<String, Topic> now = new HashMap<>();
        List<Loaded> loaded = topicFiles(contentDir, problems).parallelStream().map(file -> {
            String key = stamp(file);
            if (key == null) {
                return null;
            }
            Topic topic = parsed.get(key);
            if (topic == null) {
                String text = read(file, problems);
                topic = text == null ? null : TopicParser.parse(file, text, problems);
            }
            return new Loaded(key, topic);
        }).toList();
        for (Loaded l : loaded) {
            if (l != null && l.topic() != null) {
                topics.add(l.topic());
                now.put(l.key(), l.topic());
            }
        }
        parsed.clear();
        parsed.putAll(now);
        checkUnique(topics, problems);
        // Each category's place in site.yml, found once rather than searched for in every comparison.
        Map<String, Integer> ranks = new HashMap<>();
        for (String c : config.categories()) {
            ranks.putIfAbsent(c, ranks.size());
        }
        for (Topic t : topics) {
            if (!ranks.isEmpty() && !ranks.containsKey(t.category())) {
                problems.error(t.file(), 0, "category '" + t.category() + "' is not listed under categories in "
                        + SiteConfig.FILE_NAME + " " + config.categories());
            }
        }
        if (topics.isEmpty()) {
            problems.error(contentDir, 0, "no topics: add markdown files (*.md) with front matter");
        }
        problems.throwIfAny();
        topics.sort(Comparator.comparingInt((Topic t) -> ranks.getOrDefault(t.category(), Integer.MAX_VALUE))
                .thenComparingInt(Topic::order)
                .thenComparing(Topic::slug));
        return new Content(contentDir, config, topics);
    }

    /** A topic file's size-and-time key and its topic (null when it has faults). */
    private record Loaded(String key, Topic topic) {
    }

    private static void checkUnique(List<Topic> topics, Problems problems) {
        Map<String, Topic> bySlug = new HashMap<>();
        for (Topic t : topics) {
            Topic first = bySlug.putIfAbsent(t.slug(), t);
            if (first != null) {
                problems.error(t.file(), 0, "slug '" + t.slug() + "' is already used by "
                        + first.file().getFileName() + ": every topic needs its own slug");
            }
        }
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
     * The file with its size and modification time, or null when it is no regular file or its times
     * cannot be read (an editor's lock file may be a link to nowhere): such a file is no topic.
     */
    private static String stamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            if (!a.isRegularFile()) {
                return null;
            }
            return file + "\u0000" + a.size() + "\u0000" + a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        } catch (IOException e) {
            return null;
        }
    }

    private static String read(Path file, Problems problems) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString()
                    .replace("\uFEFF", "");
        } catch (CharacterCodingException e) {
            problems.error(file, 0, "not valid UTF-8 text");
        } catch (IOException e) {
            problems.error(file, 0, "cannot read: " + e.getMessage());
        }
        return null;
    }
}
