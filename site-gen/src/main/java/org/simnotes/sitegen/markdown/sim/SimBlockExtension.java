package org.simnotes.sitegen.markdown.sim;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import org.simnotes.sitegen.markdown.sim.internal.SimBlockRenderer;

/**
 * A fenced block {@code ```sim dropout} whose lines are {@code key: value} parameters becomes an
 * interactive widget, shown first as the picture the JVM computes at build time.
 */
public final class SimBlockExtension implements HtmlRenderer.HtmlRendererExtension {
    public static final String INFO_PREFIX = "sim";

    private SimBlockExtension() {
    }

    public static SimBlockExtension create() {
        return new SimBlockExtension();
    }

    /** Whether the fenced block is a simulation. */
    public static boolean isSim(FencedCodeBlock block) {
        String info = block.getInfo().toString().strip();
        return info.equals(INFO_PREFIX) || info.startsWith(INFO_PREFIX + " ");
    }

    /** Whether a document embeds any simulation, so its page loads the widget scripts. */
    public static boolean hasSims(Document document) {
        for (var node : document.getDescendants()) {
            if (node instanceof FencedCodeBlock b && isSim(b)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        builder.nodeRendererFactory(options -> new SimBlockRenderer());
    }
}
