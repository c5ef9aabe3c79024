package org.simnotes.sitegen.links;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.IntStream;
import org.simnotes.sitegen.content.Content;
import org.simnotes.sitegen.content.SiteConfig;
import org.simnotes.sitegen.content.SourceFolder;
import org.simnotes.sitegen.content.Topic;
import org.simnotes.sitegen.fault.Problems;
import org.simnotes.sitegen.markdown.LinkUse;
import org.simnotes.sitegen.markdown.RenderedTopic;
import org.simnotes.sitegen.output.OutputFile;
import org.simnotes.sitegen.output.ReservedPaths;

/**
 * Checks every link and image of every topic before anything is written: another topic and its
 * section must exist, a local file must be in the content folder, links resolved, and take no name the
 * build writes itself (it is then shipped with the site),
 * another host must be allowed in site.yml, and script URLs are refused. A topic found clean is not
 * checked again while its links, the anchors of the pages they point at and the allowed hosts are
 * equal, so that the dev server checks after an edit what the edit may have broken.
 */
public final class LinkChecker {
    private static final Set<String> UNSAFE = Set.of("javascript", "vbscript", "data", "file");

    /** What a topic's links are checked from, besides the pages they point at and the allowed hosts. */
    private record Links(Path file, String page, List<LinkUse> uses) {
        static Links of(Topic topic, RenderedTopic body) {
            return new Links(topic.file(), topic.fileName(), body.links());
        }
    }

    /**
     * The topics whose links were all fine without shipping a file, each with the anchors of the pages
     * it points at, as found by one check against {@code hosts}; the next check takes a topic as clean
     * while its links, those pages' anchors and the hosts are equal.
     */
    public static final class Memo {
        private List<String> hosts = List.of();
        private Map<Links, Map<String, Set<String>>> clean = Map.of();
    }

    /** A topic page links can point at: its name and the anchors of its sections. */
    private record Page(String name, Set<String> anchors) {
    }

    private final Content content;
    private final SourceFolder folder;
    private final Map<String, Page> pagesByName = new HashMap<>();
    /** Filled by topics checked in parallel; sorted, so the output does not depend on their order. */
    private final Map<String, OutputFile> shipped = new ConcurrentSkipListMap<>();

    public LinkChecker(Content content, List<RenderedTopic> rendered) throws IOException {
        this.content = content;
        this.folder = new SourceFolder(content.dir());
        for (int i = 0; i < rendered.size(); i++) {
            String name = content.topics().get(i).fileName();
            pagesByName.put(name, new Page(name, rendered.get(i).anchors()));
        }
    }

    /**
     * Records faults in {@code problems}; returns the content files the links need, to ship with the
     * site. A topic that {@code memo} holds clean is not checked again while its links, the anchors of
     * the pages they point at and the allowed hosts are equal; the memo then holds this check's.
     */
    public List<OutputFile> check(List<RenderedTopic> rendered, Problems problems, Memo memo) {
        List<String> hosts = content.config().allowedHosts();
        Map<Links, Map<String, Set<String>>> before = hosts.equals(memo.hosts) ? memo.clean : Map.of();
        Map<Links, Map<String, Set<String>>> clean = new ConcurrentHashMap<>();
        IntStream.range(0, rendered.size()).parallel().forEach(i -> {
            Topic topic = content.topics().get(i);
            Links links = Links.of(topic, rendered.get(i));
            Map<String, Set<String>> last = before.get(links);
            if (last != null && last.entrySet().stream().allMatch(e -> e.getValue().equals(anchorsOf(e.getKey())))) {
                clean.put(links, last);
                return;
            }
            Map<String, Set<String>> targets = new HashMap<>();
            boolean fine = true;
            Set<LinkUse> seen = new HashSet<>();
            for (LinkUse link : links.uses()) {
                if (seen.add(link)) {
                    fine &= check(topic, link, problems, targets);
                }
            }
            if (fine) {
                clean.put(links, Map.copyOf(targets));
            }
        });
        memo.hosts = hosts;
        memo.clean = clean;
        return new ArrayList<>(shipped.values());
    }

    /** The anchors of the page named {@code name}, null when no topic has it. */
    private Set<String> anchorsOf(String name) {
        Page page = pagesByName.get(name);
        return page == null ? null : page.anchors();
    }

    /**
     * Checks one link; true when it is fine and depends only on what {@link Memo} notes (the pages it
     * points at go into {@code targets}), false when it is at fault or ships a file.
     */
    private boolean check(Topic topic, LinkUse link, Problems problems, Map<String, Set<String>> targets) {
        String what = link.image() ? "image" : "link";
        URI uri;
        try {
            uri = new URI(link.url());
        } catch (URISyntaxException e) {
            problems.error(topic.file(), link.line(), what + " '" + link.url() + "' is not a valid address");
            return false;
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme != null && UNSAFE.contains(scheme)) {
            problems.error(topic.file(), link.line(), what + " '" + shorten(link.url()) + "' uses " + scheme + ": addresses, which pages may not");
            return false;
        }
        if (uri.getHost() != null || scheme != null) {
            if (scheme != null && scheme.equals("mailto")) {
                return true;
            }
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            if (!content.config().allowedHosts().contains(host)) {
                problems.error(topic.file(), link.line(), what + " '" + link.url() + "' points at another host (" + host
                        + "); pages work offline, so ship the file in content/ or list the host under allowed_hosts in site.yml");
                return false;
            }
            return true;
        }
        // Decoded once, as the browser will when it asks for the file: img/a%20b.png is "img/a b.png", a+b.png is itself.
        String path = uri.getPath() == null ? "" : uri.getPath();
        String anchor = uri.getFragment();
        Page target = pagesByName.get(path.isEmpty() ? topic.fileName() : path);
        if (target != null) {
            return checkAnchor(topic, link, target, anchor, problems, targets);
        } else if (content.faulty().contains(path)) {
            // The topic's own faults are reported; the link will work once they are fixed.
            return false;
        } else if (path.endsWith(".md")) {
            problems.error(topic.file(), link.line(), what + " '" + link.url() + "': no topic file " + path + " in " + content.dir().getFileName());
            return false;
        } else if (ReservedPaths.SITE_PAGES.contains(path)) {
            return true;
        }
        ship(topic, link, path, problems);
        return false;
    }

    private boolean checkAnchor(Topic topic, LinkUse link, Page page, String anchor, Problems problems,
                                Map<String, Set<String>> targets) {
        targets.put(page.name(), page.anchors());
        if (anchor != null && !anchor.isEmpty() && !page.anchors().contains(anchor)) {
            problems.error(topic.file(), link.line(), "link '" + link.url() + "': " + page.name() + " has no section #" + anchor);
            return false;
        }
        return true;
    }

    private void ship(Topic topic, LinkUse link, String path, Problems problems) {
        String what = (link.image() ? "image" : "link") + " '" + link.url() + "': ";
        String missing = what + "no such file in " + content.dir().getFileName() + "/";
        Path dir = content.dir().toAbsolutePath().normalize();
        try {
            Path file = dir.resolve(path).normalize();
            String name = dir.relativize(file).toString().replace('\\', '/');
            if (!file.startsWith(dir) || file.getFileName().toString().equals(SiteConfig.FILE_NAME)) {
                problems.error(topic.file(), link.line(), missing);
            } else if (ReservedPaths.taken(name)) {
                problems.error(topic.file(), link.line(), what + name + " is a name the build writes itself: "
                        + "move the file to another name or folder, such as img/");
            } else if (!Files.isRegularFile(file)) {
                problems.error(topic.file(), link.line(), missing);
            } else {
                Path real = folder.inside(file);
                if (real == null) {
                    problems.error(topic.file(), link.line(), what + folder.outside(file));
                } else {
                    shipped.putIfAbsent(path, new OutputFile(name, Files.readAllBytes(real)));
                }
            }
        } catch (InvalidPathException e) {
            problems.error(topic.file(), link.line(), missing);
        } catch (IOException e) {
            problems.error(topic.file(), link.line(), what + "cannot read: " + e.getMessage());
        }
    }

    private static String shorten(String url) {
        return url.length() > 40 ? url.substring(0, 40) + "…" : url;
    }
}
