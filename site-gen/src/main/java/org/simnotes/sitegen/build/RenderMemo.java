package org.simnotes.sitegen.build;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.simnotes.sitegen.content.ContentLoader;
import org.simnotes.sitegen.content.SiteConfig;
import org.simnotes.sitegen.content.Topic;
import org.simnotes.sitegen.markdown.RenderedTopic;
import org.simnotes.sitegen.render.CategoryView;
import org.simnotes.sitegen.render.Page;
import org.simnotes.sitegen.render.TopicView;

/**
 * What the previous build of one {@link SiteBuilder} rendered, so that the dev server's rebuild after
 * an edit renders again only the topics and pages whose inputs changed. A body is reused when its
 * file, text and the set of topic files are the same; a page when its view and everything every page
 * shares (site settings, navigation, asset names) are the same.
 */
final class RenderMemo {
    private final Map<String, Topic> topics = new HashMap<>();
    private final Map<String, RenderedTopic> bodies = new ConcurrentHashMap<>();
    private final Map<String, Cached> pages = new ConcurrentHashMap<>();
    private Map<String, String> pagesByFile = Map.of();
    private Object shared;
    private Object assetsKey;
    private SiteBuilder.SiteAssets assets;

    private record Cached(TopicView view, Page page) {
    }

    /** Parsed topic files by file and text, for {@link ContentLoader#load(java.nio.file.Path, Map)}. */
    Map<String, Topic> topics() {
        return topics;
    }

    /**
     * The assets for {@code key} (templates, bodies and search documents: the KaTeX fonts shipped
     * depend on the formulas, the index on the text), collected again only when it changed.
     */
    synchronized SiteBuilder.SiteAssets assets(Object key, AssetSource source) throws IOException {
        if (!key.equals(assetsKey)) {
            assets = source.collect();
            assetsKey = key;
        }
        return assets;
    }

    /** Collects the assets when the memo has none for the current input. */
    interface AssetSource {
        SiteBuilder.SiteAssets collect() throws IOException;
    }

    /** Forgets bodies that resolved links against another set of topic files. */
    synchronized void topicFiles(Map<String, String> current) {
        if (!current.equals(pagesByFile)) {
            bodies.clear();
            pagesByFile = Map.copyOf(current);
        }
    }

    RenderedTopic body(Topic t) {
        return bodies.get(key(t));
    }

    void keepBody(Topic t, RenderedTopic body) {
        bodies.put(key(t), body);
    }

    /** Forgets every page when what all pages show (site, navigation, assets, templates) changed. */
    synchronized void shared(SiteConfig config, List<CategoryView> categories, Map<String, String> assets, long templatesStamp) {
        List<Object> now = List.of(config, categories, assets, templatesStamp);
        if (!now.equals(shared)) {
            pages.clear();
            shared = now;
        }
    }

    Page page(TopicView view) {
        Cached c = pages.get(view.slug());
        return c != null && c.view().equals(view) ? c.page() : null;
    }

    void keepPage(TopicView view, Page page) {
        pages.put(view.slug(), new Cached(view, page));
    }

    /** Drops what no longer exists, so the memo does not outgrow the site. */
    void retain(List<Topic> topics) {
        Map<String, Boolean> keys = new HashMap<>();
        for (Topic t : topics) {
            keys.put(key(t), true);
            keys.put(t.slug(), true);
        }
        bodies.keySet().retainAll(keys.keySet());
        pages.keySet().retainAll(keys.keySet());
    }

    private static String key(Topic t) {
        return t.file() + "\u0000" + t.bodyLine() + "\u0000" + t.body();
    }
}
