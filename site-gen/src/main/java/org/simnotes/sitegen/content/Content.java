package org.simnotes.sitegen.content;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The loaded site: its configuration and its topics in reading order. {@code faulty} names the topic
 * files that are in the folder but had faults (their topic is left out, and links to them are not
 * faults of their own).
 */
public record Content(Path dir, SiteConfig config, List<Topic> topics, Set<String> faulty) {
}
