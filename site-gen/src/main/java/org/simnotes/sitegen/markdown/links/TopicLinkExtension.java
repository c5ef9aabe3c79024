package org.simnotes.sitegen.markdown.links;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import org.simnotes.sitegen.markdown.RenderScope;

/**
 * Authors link to another topic by its file ({@code [池化](09-pooling.md#问题分析)}); the page gets
 * that topic's address.
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
        String url = pageUrl(link.getUrl(), RenderScope.of(node));
        return url.equals(link.getUrl()) ? link : link.withUrl(url);
    }

    /** {@code url} with a topic file's name ({@code 09-pooling.md#x}) replaced by its page's ({@code pooling.html#x}). */
    static String pageUrl(String url, RenderScope scope) {
        int hash = url.indexOf('#');
        String path = hash < 0 ? url : url.substring(0, hash);
        if (path.endsWith(".md") && !path.contains("/") && !path.contains(":")) {
            String page = scope.pageOf(path);
            if (page != null) {
                return page + (hash < 0 ? "" : url.substring(hash));
            }
        }
        return url;
    }
}
