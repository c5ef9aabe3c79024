package org.simnotes.sitegen.output;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.simnotes.sitegen.TestSite;
import org.simnotes.sitegen.content.ContentLoader;
import org.simnotes.sitegen.content.Topic;
import org.simnotes.sitegen.fault.BuildException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The reserved paths follow the generator: every file it writes, other than a topic's page and the
 * course's own files it ships as they are, is one of them.
 */
class ReservedPathsTest {

    @Test
    void everyFileTheGeneratorWritesButTopicPagesIsReserved() throws IOException, BuildException {
        Path site = TestSite.site();
        Path course = TestSite.course();
        Set<String> topicPages = ContentLoader.load(course).topics().stream()
                .map(Topic::fileName).collect(Collectors.toSet());
        List<String> free;
        try (Stream<Path> all = Files.walk(site)) {
            free = all.filter(Files::isRegularFile)
                    .map(p -> site.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !topicPages.contains(p) && !Files.isRegularFile(course.resolve(p)) && !ReservedPaths.taken(p))
                    .sorted()
                    .toList();
        }
        assertEquals(List.of(), free, "files the generator writes that a topic's page or a shipped file could take");
        for (String page : topicPages) {
            assertFalse(ReservedPaths.taken(page), page);
        }
    }
}
