package org.simnotes.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * {@code PageWeight SITE_DIR [--bundle FILE]}: what a reader downloads to open each topic page of a built
 * site for the first time, gzip-compressed (level 6): the HTML, the stylesheets and scripts it loads, and
 * the KaTeX fonts its formulas use. The JavaScript fallback of the simulations is left out (a browser
 * with WebAssembly GC never loads it) and shown on its own line. Budget: 150 KB without math fonts.
 */
public final class PageWeight {
    private static final double BUDGET_KB = 150;
    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^{}]*)\\}");
    private static final Pattern FAMILY = Pattern.compile("font(?:-family)?:[^;]*?(KaTeX_\\w+)");
    private static final Pattern SRC = Pattern.compile("url\\(([^)]+\\.woff2)\\)");

    private final Path site;
    private final Map<Path, Long> gzipped = new HashMap<>();

    private PageWeight(Path site) {
        this.site = site;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: PageWeight SITE_DIR [--bundle FILE]");
            System.exit(2);
        }
        PageWeight weight = new PageWeight(Path.of(args[0]));
        weight.report();
        if (args.length >= 3 && args[1].equals("--bundle")) {
            Path bundle = Path.of(args[2]);
            System.out.printf(Locale.ROOT, "%nOffline bundle %s: %s KB as a file, %s KB gzip-compressed.%n", bundle.getFileName(),
                    kb(Files.size(bundle)), kb(weight.gzipSize(bundle)));
        }
    }

    private void report() throws IOException {
        List<Path> pages;
        try (Stream<Path> files = Files.list(site)) {
            pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        Table table = new Table("page", "HTML", "CSS", "JS (incl. wasm)", "total without math fonts", "KaTeX fonts", "total", "budget");
        List<Double> withoutFonts = new ArrayList<>();
        String fallback = null;
        for (Path page : pages) {
            Document doc = Jsoup.parse(page.toFile(), "UTF-8");
            long html = gzipSize(page);
            long css = 0;
            long js = 0;
            Set<Path> fonts = new TreeSet<>();
            for (Element link : doc.select("link[rel=stylesheet][href], link[rel=icon][href]")) {
                Path file = local(link.attr("href"));
                css += gzipSize(file);
                if (link.attr("rel").equals("stylesheet")) {
                    fonts.addAll(fontsUsed(file, doc));
                }
            }
            for (Element script : doc.select("script[src]")) {
                js += gzipSize(local(script.attr("src")));
                if (script.hasAttr("data-fallback")) {
                    fallback = script.attr("data-fallback");
                }
            }
            long fontBytes = 0;
            for (Path f : fonts) {
                fontBytes += Files.size(f);
            }
            long without = html + css + js;
            boolean topic = !doc.select("main.topic").isEmpty();
            if (topic) {
                withoutFonts.add(without / 1024.0);
            }
            table.row(page.getFileName(), kb(html), kb(css), kb(js), kb(without), kb(fontBytes) + " (" + fonts.size() + ")",
                    kb(without + fontBytes), topic ? (without / 1024.0 <= BUDGET_KB ? "within" : "OVER") : "");
        }
        System.out.println("Page weight of " + site + " (KB gzip -6; fonts are woff2, already compressed; the favicon counts as CSS):");
        System.out.print(table);
        System.out.printf(Locale.ROOT, "%nTopic pages without math fonts: median %s KB, largest %s KB (budget %s KB).%n",
                Table.num(BrowserBench.median(withoutFonts)), Table.num(withoutFonts.stream().mapToDouble(d -> d).max().orElse(0)),
                Table.num(BUDGET_KB));
        if (fallback != null) {
            System.out.printf(Locale.ROOT, "The JavaScript fallback (%s), loaded only where WebAssembly GC is missing: %s KB.%n",
                    fallback, kb(gzipSize(local(fallback))));
        }
    }

    /**
     * The woff2 files of {@code css} that the page's formulas need: KaTeX_Main whenever there is a formula,
     * and the family, weight and style of every KaTeX rule whose classes all occur inside the page's formulas.
     */
    private Set<Path> fontsUsed(Path css, Document doc) throws IOException {
        Set<String> classes = new LinkedHashSet<>();
        for (Element e : doc.select(".katex, .katex *")) {
            classes.addAll(e.classNames());
        }
        Set<Path> fonts = new TreeSet<>();
        if (classes.isEmpty()) {
            return fonts;
        }
        String text = Files.readString(css, StandardCharsets.UTF_8);
        Map<String, String> faces = new HashMap<>();
        List<String[]> rules = new ArrayList<>();
        Matcher m = RULE.matcher(text);
        while (m.find()) {
            String selector = m.group(1).trim();
            String body = m.group(2);
            if (selector.endsWith("@font-face")) {
                Matcher src = SRC.matcher(body);
                Matcher family = FAMILY.matcher(body);
                if (src.find() && family.find()) {
                    faces.put(face(family.group(1), body), src.group(1));
                }
            } else if (body.contains("font")) {
                rules.add(new String[] {selector, body});
            }
        }
        for (String[] rule : rules) {
            for (String alternative : rule[0].split(",")) {
                String[] parts = alternative.trim().split("\\s+");
                String last = parts[parts.length - 1];
                if (!last.startsWith(".") || !parts[0].equals(".katex") && !last.equals(".katex")) {
                    continue;
                }
                if (classes.containsAll(List.of(last.substring(1).split("\\.")))) {
                    Matcher family = FAMILY.matcher(rule[1]);
                    String name = face(family.find() ? family.group(1) : "KaTeX_Main", rule[1]);
                    String file = faces.getOrDefault(name, faces.get(name.replaceFirst("/.*", "/400/normal")));
                    if (file != null) {
                        fonts.add(css.resolveSibling(file).normalize());
                    }
                }
            }
        }
        return fonts;
    }

    private static String face(String family, String declarations) {
        boolean bold = declarations.matches("(?s).*font-weight:\\s*(700|bold).*");
        boolean italic = declarations.matches("(?s).*font-style:\\s*italic.*");
        return family + "/" + (bold ? 700 : 400) + "/" + (italic ? "italic" : "normal");
    }

    private Path local(String href) {
        // The 404 page names its assets from the site's root, since a host shows it at any address.
        return site.resolve(href.replaceFirst("[?#].*", "").replaceFirst("^/", "")).normalize();
    }

    private long gzipSize(Path file) {
        return gzipped.computeIfAbsent(file, f -> {
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                    gz.write(Files.readAllBytes(f));
                }
                return (long) out.size();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String kb(long bytes) {
        return Table.num(bytes / 1024.0);
    }
}
