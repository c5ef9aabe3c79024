package org.simnotes.sitegen.markdown.math.internal;

import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRendererFactory;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import java.util.Set;
import org.simnotes.sitegen.markdown.RenderScope;
import org.simnotes.sitegen.markdown.math.DisplayMath;
import org.simnotes.sitegen.markdown.math.InlineMath;
import org.simnotes.sitegen.math.MathRenderer;

/**
 * Writes KaTeX's HTML for math nodes, or a marker for it while KaTeX renders it (see {@link RenderScope#formula});
 * a formula KaTeX rejects becomes an error with its line.
 */
public final class MathNodeRenderer implements NodeRenderer {

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(
                new NodeRenderingHandler<>(InlineMath.class, (node, ctx, html) -> write(node, node.tex(), false, html)),
                new NodeRenderingHandler<>(DisplayMath.class, this::display));
    }

    private void display(DisplayMath node, NodeRendererContext ctx, HtmlWriter html) {
        if (!node.closed()) {
            RenderScope.of(node).error(node, "display math opened with $$ is never closed: end it with a line '$$'");
            return;
        }
        html.line().raw("<div class=\"math-display\">");
        write(node, node.tex(), true, html);
        html.raw("</div>").line();
    }

    private static void write(Node node, String tex, boolean display, HtmlWriter html) {
        RenderScope scope = RenderScope.of(node);
        html.raw(scope.formula(node, tex, MathRenderer.key(tex, display), scope.math().renderLater(tex, display)));
    }

    public static final class Factory implements NodeRendererFactory {
        @Override
        public NodeRenderer apply(DataHolder options) {
            return new MathNodeRenderer();
        }
    }
}
