package org.simnotes.sitegen.markdown;

import java.util.List;
import java.util.Set;

/**
 * A topic body as HTML, with the headings for its table of contents, whether it embeds simulations,
 * how many interview answers it has, what it links to, the ids on it that links may point at, its
 * sections as plain text for search, the KaTeX HTML of its formulas (which decides the fonts to ship) and
 * each formula's key in the formula cache ({@code formulaKeys}, in the same order).
 */
public record RenderedTopic(String html, List<TocEntry> toc, boolean hasSims, int answers, List<LinkUse> links,
                            Set<String> anchors, List<TopicSection> sections, List<String> formulas,
                            List<String> formulaKeys) {
}
