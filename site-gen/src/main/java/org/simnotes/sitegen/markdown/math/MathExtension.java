package org.simnotes.sitegen.markdown.math;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import org.simnotes.sitegen.markdown.math.internal.DisplayMathParser;
import org.simnotes.sitegen.markdown.math.internal.InlineMathParser;
import org.simnotes.sitegen.markdown.math.internal.MathNodeRenderer;

/**
 * {@code $…$} and {@code $$…$$} math, rendered to static KaTeX HTML by the
 * {@link org.simnotes.sitegen.markdown.RenderScope}'s math renderer while the page is written.
 */
public final class MathExtension implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    private MathExtension() {
    }

    public static MathExtension create() {
        return new MathExtension();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customBlockParserFactory(new DisplayMathParser.Factory());
        builder.customInlineParserExtensionFactory(new InlineMathParser.Factory());
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        builder.nodeRendererFactory(new MathNodeRenderer.Factory());
    }
}
