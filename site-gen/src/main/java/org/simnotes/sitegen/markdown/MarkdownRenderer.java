package org.simnotes.sitegen.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ext.anchorlink.AnchorLink;
import com.vladsch.flexmark.ext.anchorlink.AnchorLinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.html.MutableAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.simnotes.sitegen.fault.Problems;
import org.simnotes.sitegen.markdown.callout.AnswerCalloutExtension;
import org.simnotes.sitegen.markdown.callout.NoteCalloutExtension;
import org.simnotes.sitegen.markdown.links.LinkUses;
import org.simnotes.sitegen.markdown.links.TopicLinkExtension;
import org.simnotes.sitegen.markdown.math.MathExtension;
import org.simnotes.sitegen.markdown.nesting.NestingLimitExtension;
import org.simnotes.sitegen.markdown.sim.SimBlockExtension;
import org.simnotes.sitegen.math.MathRenderer;
import org.simnotes.sitegen.sims.CourseSims;
import org.simnotes.simapi.Widgets;

/**
 * Markdown to HTML fragments with flexmark: GitHub tables, heading anchors, footnotes,
 * strikethrough, and our extensions for math, interview answers and editor's notes. Thread-safe: parser and
 * renderer are immutable, and per-topic state lives on each document.
 */
public final class MarkdownRenderer {
    private static final int TOC_MAX_LEVEL = 3;

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final MathRenderer math;
    private final Map<String, String> pagesByFile;
    private final Widgets widgets;

    /** A renderer for a course with the built-in widgets alone. */
    public MarkdownRenderer(MathRenderer math, Map<String, String> pagesByFile) {
        this(math, pagesByFile, CourseSims.builtIn().widgets());
    }

    /** {@code pagesByFile}: each topic file's name and its page, for links between topics; {@code widgets}: those sim blocks can name. */
    public MarkdownRenderer(MathRenderer math, Map<String, String> pagesByFile, Widgets widgets) {
        this.math = math;
        this.pagesByFile = Map.copyOf(pagesByFile);
        this.widgets = widgets;
        MutableDataSet options = new MutableDataSet()
                .set(Parser.EXTENSIONS, List.of(
                        TablesExtension.create(),
                        StrikethroughExtension.create(),
                        FootnoteExtension.create(),
                        AnchorLinkExtension.create(),
                        MathExtension.create(),
                        NoteCalloutExtension.create(),
                        AnswerCalloutExtension.create(),
                        SimBlockExtension.create(),
                        TopicLinkExtension.create(),
                        // Last: flexmark orders post-processors correctly only when a whole-document one is listed after the others.
                        NestingLimitExtension.create()))
                .set(TablesExtension.CLASS_NAME, "table")
                .set(AnchorLinkExtension.ANCHORLINKS_WRAP_TEXT, false)
                .set(AnchorLinkExtension.ANCHORLINKS_SET_NAME, false)
                .set(AnchorLinkExtension.ANCHORLINKS_SET_ID, false)
                .set(AnchorLinkExtension.ANCHORLINKS_ANCHOR_CLASS, "anchor")
                .set(AnchorLinkExtension.ANCHORLINKS_TEXT_PREFIX, "<span aria-hidden=\"true\">#</span>")
                .set(HtmlRenderer.GENERATE_HEADER_ID, true)
                .set(HtmlRenderer.RENDER_HEADER_ID, true)
                // Raw HTML in a topic is shown as text: pages carry only what our templates write.
                .set(HtmlRenderer.ESCAPE_HTML, true)
                .set(HtmlRenderer.SOFT_BREAK, "\n");
        parser = Parser.builder(options).build();
        renderer = HtmlRenderer.builder(options).attributeProviderFactory(new IndependentAttributeProviderFactory() {
            @Override
            public AttributeProvider apply(LinkResolverContext context) {
                return MarkdownRenderer::nameAnchor;
            }
        }).build();
    }

    /** A heading's link to itself is named for the section, as its visible "#" names nothing. */
    private static void nameAnchor(Node node, AttributablePart part, MutableAttributes attributes) {
        if (node instanceof AnchorLink && node.getParent() instanceof Heading h) {
            attributes.addValue("aria-label", "本节链接：" + SectionSplitter.headingText(h));
        }
    }

    /**
     * Renders one topic's body; it reads nothing of the topic but {@code source}, so a rebuild may key
     * bodies by it. Nesting past {@link NestingLimitExtension#MAX_DEPTH} is reported at its line; should
     * flexmark still overflow the stack on some other construct, the topic is reported rather than the
     * build ending in a stack trace.
     */
    public RenderedTopic render(MarkdownSource source, Problems problems) {
        return write(source, problems).finish();
    }

    /**
     * Renders one topic's body but for the formulas KaTeX has yet to render, which {@link Written#finish}
     * waits for: a build writes every body while KaTeX works on its own thread.
     */
    public Written write(MarkdownSource source, Problems problems) {
        try {
            return writeChecked(source, problems);
        } catch (StackOverflowError e) {
            problems.error(source.file(), source.firstLine(), "the body is too deeply nested or repetitive for the markdown parser; "
                    + "look for a very long run of one character or of nested quotes, lists, emphasis or links");
            return new Written(null, "", List.of(), false, 0, List.of(), Set.of(), List.of());
        }
    }

    /** A body as flexmark wrote it, with markers where formulas go. */
    public record Written(RenderScope scope, String rendered, List<TocEntry> toc, boolean hasSims, int answers, List<LinkUse> links,
                          Set<String> anchors, List<TopicSection> sections) {
        /** The body, once KaTeX has rendered its formulas; a formula that does not render is reported at its line. */
        public RenderedTopic finish() {
            if (scope == null) {
                return new RenderedTopic(rendered, toc, hasSims, answers, links, anchors, sections, List.of(), List.of());
            }
            String html = scope.spliced(rendered);
            return new RenderedTopic(html, toc, hasSims, answers, links, anchors, sections, scope.formulas(), scope.formulaKeys());
        }
    }

    private Written writeChecked(MarkdownSource source, Problems problems) {
        Document document = parser.parse(source.text());
        // The "#" follows the heading's text, so on a phone it stays on the page rather than in the margin.
        List<Heading> headings = new ArrayList<>();
        document.getDescendants().forEach(n -> {
            if (n instanceof Heading h) {
                headings.add(h);
            }
        });
        for (Heading h : headings) {
            if (h.getFirstChild() instanceof AnchorLink link) {
                link.unlink();
                h.appendChild(link);
            }
        }
        for (int line : NestingLimitExtension.tooDeep(document)) {
            problems.error(source.file(), source.firstLine() + line, "nesting deeper than " + NestingLimitExtension.MAX_DEPTH
                    + " levels (block quotes, list items, emphasis and links inside each other)");
        }
        RenderScope scope = new RenderScope(source.file(), source.firstLine(), source.text(), problems, math, pagesByFile, widgets);
        scope.attachTo(document);
        HeaderIdGenerator ids = new HeaderIdGenerator.Factory().create();
        ids.generateIds(document);
        List<TocEntry> toc = new ArrayList<>();
        int answers = 0;
        for (var node : document.getDescendants()) {
            if (node instanceof Heading h) {
                scope.anchor(h.getAnchorRefId());
            }
            if (node instanceof BlockQuote q && AnswerCalloutExtension.isAnswer(q)) {
                answers++;
            }
            if (node instanceof Heading h && h.getLevel() >= 2 && h.getLevel() <= TOC_MAX_LEVEL) {
                toc.add(new TocEntry(h.getLevel(), h.getAnchorRefId(), SectionSplitter.headingText(h)));
            }
            if (node instanceof Heading h && h.getLevel() == 1) {
                problems.error(source.file(), source.firstLine() + h.getLineNumber(),
                        "a topic's body starts at level 2 (##): the page title is its only level-1 heading");
            }
        }
        return new Written(scope, renderer.render(document), List.copyOf(toc), SimBlockExtension.hasSims(document), answers,
                LinkUses.in(document, scope), scope.anchors(), SectionSplitter.split(document));
    }
}
