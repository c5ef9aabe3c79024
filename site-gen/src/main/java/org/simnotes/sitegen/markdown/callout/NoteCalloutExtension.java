package org.simnotes.sitegen.markdown.callout;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import java.util.Set;

/**
 * The editor's note, in GitHub's alert syntax: a blockquote whose first line is {@code [!NOTE]},
 * optionally followed by a title ({@code > [!NOTE] 编者注}). It becomes an aside of its own, styled
 * apart from the interview answer, so a reader never takes an editor's correction for the answer to drill.
 */
public final class NoteCalloutExtension implements HtmlRenderer.HtmlRendererExtension {
    static final String MARKER = "[!NOTE]";
    /** The title when the marker's line gives none. */
    static final String DEFAULT_TITLE = "注";

    private NoteCalloutExtension() {
    }

    public static NoteCalloutExtension create() {
        return new NoteCalloutExtension();
    }

    /** The note's first paragraph, which starts with the marker; null when the blockquote is no note. */
    static Paragraph markerParagraph(BlockQuote quote) {
        return quote.getFirstChild() instanceof Paragraph p && p.getChars().toString().startsWith(MARKER) ? p : null;
    }

    /** Whether this blockquote is an editor's note. */
    public static boolean isNote(BlockQuote quote) {
        return markerParagraph(quote) != null;
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        builder.nodeRendererFactory(options -> new Renderer());
    }

    private static final class Renderer implements NodeRenderer {
        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(new NodeRenderingHandler<>(BlockQuote.class, this::render));
        }

        private void render(BlockQuote node, NodeRendererContext ctx, HtmlWriter html) {
            Paragraph first = markerParagraph(node);
            if (first == null) {
                ctx.delegateRender();
                return;
            }
            String line = first.getChars().toString().split("\n", 2)[0].substring(MARKER.length()).strip();
            String title = line.isEmpty() ? DEFAULT_TITLE : line;
            html.attr("class", "note").attr("role", "note").withAttr().tagLineIndent("aside", () -> {
                html.attr("class", "note-title").withAttr().tag("p").text(title).tag("/p").line();
                // The rest of the first paragraph, after the marker's line, is the note's first paragraph.
                Node rest = first.getFirstChild();
                while (rest != null && !(rest instanceof SoftLineBreak || rest instanceof HardLineBreak)) {
                    rest = rest.getNext();
                }
                if (rest != null && rest.getNext() != null) {
                    html.tag("p");
                    for (Node n = rest.getNext(); n != null; n = n.getNext()) {
                        ctx.render(n);
                    }
                    html.tag("/p").line();
                }
                for (Node b = first.getNext(); b != null; b = b.getNext()) {
                    ctx.render(b);
                }
            });
        }
    }
}
