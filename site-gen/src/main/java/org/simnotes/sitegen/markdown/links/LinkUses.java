package org.simnotes.sitegen.markdown.links;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.List;
import org.simnotes.sitegen.markdown.LinkUse;
import org.simnotes.sitegen.markdown.RenderScope;

/**
 * Every link and image of a topic, each where it is written, for the build's link check. Read from
 * the parsed document rather than from flexmark's link resolver: the renderer asks the resolver once
 * per address (a second use of it would go unchecked) and never for the addresses it suppresses
 * (javascript:), which must be reported rather than dropped.
 */
public final class LinkUses {

    private LinkUses() {
    }

    public static List<LinkUse> in(Document document, RenderScope scope) {
        List<LinkUse> uses = new ArrayList<>();
        for (Node node : document.getDescendants()) {
            String url = urlOf(node, document);
            if (url != null) {
                uses.add(new LinkUse(TopicLinkExtension.pageUrl(url, scope), node instanceof Image || node instanceof ImageRef,
                        scope.lineOf(node)));
            }
        }
        return uses;
    }

    /** The address a node links to as the renderer would resolve it, or null when it is no link. */
    private static String urlOf(Node node, Document document) {
        if (node instanceof Link link) {
            return link.getUrl().unescape();
        } else if (node instanceof Image image) {
            return image.getUrl().unescape();
        } else if (node instanceof RefNode ref && ref.isDefined()) {
            // "[-5, 5]" may name a reference too; undefined, it stays text.
            Reference target = ref.getReferenceNode(document);
            return target == null ? null : target.getUrl().unescape();
        } else if (node instanceof MailLink mail) {
            return "mailto:" + mail.getText();
        } else if (node instanceof AutoLink auto) {
            return auto.getText().toString();
        }
        return null;
    }
}
