package org.simnotes.sitegen.content;

import java.nio.file.Path;
import java.util.List;

/** The loaded site: its configuration and its topics in reading order. */
public record Content(Path dir, SiteConfig config, List<Topic> topics) {
}
