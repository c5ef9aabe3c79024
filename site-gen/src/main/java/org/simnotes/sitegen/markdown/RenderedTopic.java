package org.simnotes.sitegen.markdown;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A topic body as HTML, with the headings for its table of contents, whether it embeds simulations,
 * how many interview answers it has, what it links to, the ids on it that links may point at, its
 * sections as plain text for search, the KaTeX HTML of its formulas (which decides the fonts to ship) and
 * each formula's key in the formula cache ({@code formulaKeys}, in the same order).
 *
 * <p>A body kept in the cache folder makes its HTML and sections, the bulk of it, from the cache's bytes only
 * when they are asked for ({@link #kept}): a rebuild lays out and indexes few of the bodies it reads, and a
 * build need not hold every body's text until its last page is laid out.
 */
public final class RenderedTopic {
    private final List<TocEntry> toc;
    private final boolean hasSims;
    private final int answers;
    private final List<LinkUse> links;
    private final Set<String> anchors;
    private final List<String> formulas;
    private final List<String> formulaKeys;
    private final Part<String> html;
    private final Part<List<TopicSection>> sections;

    public RenderedTopic(String html, List<TocEntry> toc, boolean hasSims, int answers, List<LinkUse> links, Set<String> anchors,
                         List<TopicSection> sections, List<String> formulas, List<String> formulaKeys) {
        this(new Part<>(Objects.requireNonNull(html)), new Part<>(Objects.requireNonNull(sections)), toc, hasSims, answers, links, anchors,
                formulas, formulaKeys);
    }

    private RenderedTopic(Part<String> html, Part<List<TopicSection>> sections, List<TocEntry> toc, boolean hasSims, int answers,
                          List<LinkUse> links, Set<String> anchors, List<String> formulas, List<String> formulaKeys) {
        this.html = html;
        this.sections = sections;
        this.toc = toc;
        this.hasSims = hasSims;
        this.answers = answers;
        this.links = links;
        this.anchors = anchors;
        this.formulas = formulas;
        this.formulaKeys = formulaKeys;
    }

    /**
     * A body whose HTML and sections {@code html} and {@code sections} make when asked for. With {@code hold} they
     * are made once and held, for the dev server, which compares every page's view on each edit; without, they
     * are made on each ask, for a build, which asks once and would otherwise hold every body's text to its end.
     */
    public static RenderedTopic kept(Supplier<String> html, List<TocEntry> toc, boolean hasSims, int answers, List<LinkUse> links,
                                     Set<String> anchors, Supplier<List<TopicSection>> sections, List<String> formulas,
                                     List<String> formulaKeys, boolean hold) {
        return new RenderedTopic(new Part<>(html, hold), new Part<>(sections, hold), toc, hasSims, answers, links, anchors, formulas,
                formulaKeys);
    }

    public String html() {
        return html.get();
    }

    public List<TopicSection> sections() {
        return sections.get();
    }

    public List<TocEntry> toc() {
        return toc;
    }

    public boolean hasSims() {
        return hasSims;
    }

    public int answers() {
        return answers;
    }

    public List<LinkUse> links() {
        return links;
    }

    public Set<String> anchors() {
        return anchors;
    }

    public List<String> formulas() {
        return formulas;
    }

    public List<String> formulaKeys() {
        return formulaKeys;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RenderedTopic r && hasSims == r.hasSims && answers == r.answers && toc.equals(r.toc) && links.equals(r.links)
                && anchors.equals(r.anchors) && formulaKeys.equals(r.formulaKeys) && formulas.equals(r.formulas) && html().equals(r.html())
                && sections().equals(r.sections());
    }

    @Override
    public int hashCode() {
        return Objects.hash(html(), toc, hasSims, answers, links, anchors, sections(), formulas, formulaKeys);
    }

    @Override
    public String toString() {
        return "RenderedTopic[" + toc + ", " + links.size() + " links, " + formulaKeys.size() + " formulas]";
    }

    /** A part of a body: given, or made by its source when asked for, and then held only when {@code hold}. */
    private static final class Part<T> {
        private T value;
        private Supplier<T> source;
        private final boolean hold;

        Part(T value) {
            this.value = value;
            this.hold = true;
        }

        Part(Supplier<T> source, boolean hold) {
            this.source = source;
            this.hold = hold;
        }

        synchronized T get() {
            if (value != null) {
                return value;
            }
            T made = source.get();
            if (hold) {
                value = made;
                source = null;
            }
            return made;
        }
    }
}
