package org.simnotes.sitegen.markdown.callout;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import java.util.Set;

/**
 * The interview answer callout. Authors write a heading that names the interview (面试回答,
 * 面试简洁版回答模板, 如果面试官追问…) followed by a blockquote; that blockquote is the answer a
 * learner drills, so it is marked {@code class="answer"} for its own style and the self-test mode.
 */
public final class AnswerCalloutExtension implements HtmlRenderer.HtmlRendererExtension {
    static final String MARKER = "面试";

    private AnswerCalloutExtension() {
    }

    public static AnswerCalloutExtension create() {
        return new AnswerCalloutExtension();
    }

    /** Whether this blockquote is an interview answer (an editor's note under the heading is not). */
    public static boolean isAnswer(BlockQuote quote) {
        return quote.getPrevious() instanceof Heading h && h.getText().toString().contains(MARKER)
                && !NoteCalloutExtension.isNote(quote);
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
            if (!isAnswer(node)) {
                ctx.delegateRender();
                return;
            }
            html.attr("class", "answer").withAttr().tagLineIndent("blockquote", () -> ctx.renderChildren(node));
        }
    }
}
