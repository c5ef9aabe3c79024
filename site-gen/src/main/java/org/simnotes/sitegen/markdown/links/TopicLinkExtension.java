package org.simnotes.sitegen.markdown.links;

import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import org.simnotes.sitegen.markdown.LinkUse;
import org.simnotes.sitegen.markdown.RenderScope;

/**
 * Authors link to another topic by its file ({@code [池化](09-pooling.md#问题分析)}); the page gets
 * that topic's address. Every link is recorded with its line, for the build's link check.
 */
public final class TopicLinkExtension implements HtmlRenderer.HtmlRendererExtension {

    private TopicLinkExtension() {
    }

    public static TopicLinkExtension create() {
        return new TopicLinkExtension();
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        builder.linkResolverFactory(new LinkResolverFactoryImpl());
    }

    private static final class LinkResolverFactoryImpl extends com.vladsch.flexmark.html.IndependentLinkResolverFactory {
        @Override
        public LinkResolver apply(LinkResolverBasicContext context) {
            return TopicLinkExtension::resolve;
        }
    }

    private static ResolvedLink resolve(Node node, LinkResolverBasicContext context, ResolvedLink link) {
        // "[-5, 5]" is asked about too, as a reference that may be defined; text stays text.
        if (node instanceof RefNode ref && !ref.isDefined()) {
            return link;
        }
        RenderScope scope = RenderScope.of(node);
        String url = link.getUrl();
        int hash = url.indexOf('#');
        String path = hash < 0 ? url : url.substring(0, hash);
        if (path.endsWith(".md") && !path.contains("/") && !path.contains(":")) {
            String page = scope.pageOf(path);
            if (page != null) {
                url = page + (hash < 0 ? "" : url.substring(hash));
                link = link.withUrl(url);
            }
        }
        scope.linked(new LinkUse(url, node instanceof Image || node instanceof ImageRef, scope.lineOf(node)));
        return link;
    }
}
