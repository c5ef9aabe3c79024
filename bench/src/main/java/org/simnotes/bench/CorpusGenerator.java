package org.simnotes.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code CorpusGenerator N OUTDIR [--content DIR] [--templates DIR]}: a synthetic course of N topics made
 * by varying the real ones, written three times over for the generator benchmark:
 * <ul>
 *   <li>{@code OUTDIR/content}: SimNotes' own format (site.yml and numbered topic files);</li>
 *   <li>{@code OUTDIR/hugo}: a Hugo site (same text, Hugo front matter, each chapter a section, {@code relref}
 *       links, a theme-less layout that writes the same page parts as ours, a JSON search index; math stays
 *       text);</li>
 *   <li>{@code OUTDIR/jbake}: a JBake site with Thymeleaf templates, likewise.</li>
 * </ul>
 * Topic i is real topic {@code i mod 16} with its own title and slug, links to three other generated
 * topics (to sections that exist), new parameters for its simulation, and, for one topic in ten, a formula
 * no other topic has, so a warm build still meets new math. The output depends only on N and the input.
 */
public final class CorpusGenerator {
    private static final int TOPICS_PER_CHAPTER = 100;
    private static final String RELATED = "相关题目";
    private static final Pattern SIM_BLOCK = Pattern.compile("(?m)^```sim (\\w+)\\n(.*?\\n)?```$", Pattern.DOTALL);
    private static final Pattern TOPIC_LINK = Pattern.compile("\\]\\(([0-9]+-[a-z0-9-]+\\.md)");
    private static final Pattern LINK = Pattern.compile("\\]\\(([0-9]+-[a-z0-9-]+\\.md)#([^)]+)\\)");

    private final List<SourceTopic> sources;
    private final String siteYml;
    private final byte[] css;

    private CorpusGenerator(List<SourceTopic> sources, String siteYml, byte[] css) {
        this.sources = sources;
        this.siteYml = siteYml;
        this.css = css;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: CorpusGenerator N OUTDIR [--content DIR] [--templates DIR]");
            System.exit(2);
        }
        int n = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        Path content = Path.of(option(args, "--content", "content"));
        Path templates = Path.of(option(args, "--templates", "templates"));
        CorpusGenerator generator = new CorpusGenerator(SourceTopic.readAll(content),
                Files.readString(content.resolve("site.yml")), Files.readAllBytes(templates.resolve("assets/site.css")));
        generator.write(n, out);
        System.out.println("Wrote " + n + " topics to " + out.resolve("content") + ", " + out.resolve("hugo")
                + " and " + out.resolve("jbake"));
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 2; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private void write(int n, Path out) throws IOException {
        List<Generated> topics = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            topics.add(generate(i, n));
        }
        for (Path dir : List.of(out.resolve("content"), out.resolve("hugo"), out.resolve("jbake"))) {
            deleteTree(dir);
        }
        writeSimNotes(topics, n, out.resolve("content"));
        writeHugo(topics, out.resolve("hugo"));
        writeJBake(topics, out.resolve("jbake"));
    }

    /** Topic i: the body of real topic i mod 16 with new parameters, a new formula now and then, and links. */
    private Generated generate(int i, int n) {
        SourceTopic src = sources.get(i % sources.size());
        int variant = i / sources.size() + 1;
        Random random = new Random(i);
        String body = linkVariants(varySims(src.body(), random), variant, n);
        if (i % 10 == 5) {
            body += "\n\n本题的记号：$W^{(" + i + ")}_{hh} \\in \\mathbb{R}^{d \\times d}$，第 " + i + " 题专用。\n";
        }
        StringBuilder related = new StringBuilder("\n\n## " + RELATED + "\n\n");
        for (int j : new int[] {(i + 1) % n, (i * 7 + 3) % n, (i + n / 2) % n}) {
            SourceTopic target = sources.get(j % sources.size());
            String anchor = target.hasAnalysis() ? "问题分析" : RELATED;
            related.append("- [").append(title(j)).append("](").append(fileName(j)).append('#').append(anchor).append(")\n");
        }
        return new Generated(i, fileName(i), src.slug() + "-" + variant, title(i), "第 " + (i / TOPICS_PER_CHAPTER + 1) + " 章",
                src.summary(), src.tags(), body.stripTrailing() + related);
    }

    private String title(int i) {
        return sources.get(i % sources.size()).title() + "（变体 " + (i / sources.size() + 1) + "）";
    }

    private String fileName(int i) {
        return String.format(Locale.ROOT, "%05d-%s-%d.md", i + 1, sources.get(i % sources.size()).slug(), i / sources.size() + 1);
    }

    /**
     * A real topic's links to other real topics, made links to the generated topics of the same variant
     * (or of the first, past the last topic), so each generated topic links only to generated ones.
     */
    private String linkVariants(String body, int variant, int n) {
        Matcher m = TOPIC_LINK.matcher(body);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int k = 0;
            while (k < sources.size() && !sources.get(k).file().equals(m.group(1))) {
                k++;
            }
            String target = m.group(1);
            if (k < sources.size()) {
                int j = (variant - 1) * sources.size() + k;
                target = fileName(j < n ? j : k);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement("](" + target));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Each sim block gets other starting values, all within the widget's allowed ranges. */
    private static String varySims(String body, Random random) {
        Matcher m = SIM_BLOCK.matcher(body);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String params = switch (m.group(1)) {
                case "dropout" -> "keepProb: " + (1 + random.nextInt(20)) * 5 / 100.0 + "\nn: " + (1 + random.nextInt(16)) * 16
                        + "\nseed: " + random.nextInt(1000) + "\n";
                case "pool" -> {
                    int size = 3 + random.nextInt(8);
                    int kernel = 1 + random.nextInt(Math.min(5, size));
                    yield "mode: " + (random.nextBoolean() ? "max" : "avg") + "\nsize: " + size + "\nkernel: " + kernel
                            + "\nstride: " + (1 + random.nextInt(5)) + "\npadding: " + random.nextInt(kernel / 2 + 1)
                            + "\nseed: " + random.nextInt(1000) + "\n";
                }
                case "rnn" -> "steps: " + (1 + random.nextInt(40)) + "\nscale: " + (2 + random.nextInt(39)) * 5 / 100.0
                        + "\nactivation: " + (random.nextBoolean() ? "tanh" : "relu") + "\nhidden: " + (2 + random.nextInt(7))
                        + "\nseed: " + random.nextInt(1000) + "\n";
                default -> m.group(2) == null ? "" : m.group(2);
            };
            m.appendReplacement(sb, Matcher.quoteReplacement("```sim " + m.group(1) + "\n" + params + "```"));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private void writeSimNotes(List<Generated> topics, int n, Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder categories = new StringBuilder("categories:\n");
        for (int c = 1; c <= (n + TOPICS_PER_CHAPTER - 1) / TOPICS_PER_CHAPTER; c++) {
            categories.append("  - 第 ").append(c).append(" 章\n");
        }
        Files.writeString(dir.resolve("site.yml"), siteYml.replaceFirst("(?s)categories:.*", Matcher.quoteReplacement(categories.toString())));
        for (Generated t : topics) {
            Files.writeString(dir.resolve(t.file()), "---\ntitle: " + t.title() + "\nslug: " + t.slug() + "\norder: " + (t.index() + 1)
                    + "\ncategory: " + t.category() + "\nsummary: " + t.summary() + "\ntags: " + t.tags() + "\n---\n" + t.body() + "\n");
        }
    }

    /** Links go through {@code relref}, so Hugo, like SimNotes, fails the build when a linked topic is missing. */
    private void writeHugo(List<Generated> topics, Path dir) throws IOException {
        Files.createDirectories(dir.resolve("content"));
        Map<String, String> files = new LinkedHashMap<>();
        files.put("hugo.toml", resource("hugo/hugo.toml"));
        files.put("light.toml", resource("hugo/light.toml"));
        files.put("layouts/_default/baseof.html", resource("hugo/baseof.html"));
        files.put("layouts/_default/single.html", resource("hugo/single.html"));
        files.put("layouts/_default/list.html", resource("hugo/list.html"));
        files.put("layouts/index.html", resource("hugo/index.html"));
        files.put("layouts/index.json", resource("hugo/index.json"));
        writeAll(dir, files);
        Files.createDirectories(dir.resolve("static"));
        Files.write(dir.resolve("static/site.css"), css);
        Map<String, String> chapterOf = new LinkedHashMap<>();
        for (Generated t : topics) {
            chapterOf.put(t.file(), hugoChapter(t.index()));
        }
        for (int c = 0; c * TOPICS_PER_CHAPTER < topics.size(); c++) {
            Path chapter = dir.resolve("content").resolve(hugoChapter(c * TOPICS_PER_CHAPTER));
            Files.createDirectories(chapter);
            Files.writeString(chapter.resolve("_index.md"), "---\ntitle: \"第 " + (c + 1) + " 章\"\nweight: " + (c + 1) + "\n---\n");
        }
        for (Generated t : topics) {
            Matcher m = LINK.matcher(t.body());
            String body = m.replaceAll(r -> Matcher.quoteReplacement("]({{< relref \"/" + chapterOf.get(r.group(1)) + "/" + r.group(1)
                    + "#" + r.group(2) + "\" >}})"));
            Files.writeString(dir.resolve("content").resolve(chapterOf.get(t.file())).resolve(t.file()), "---\ntitle: "
                    + quoted(t.title()) + "\nslug: " + t.slug() + "\nurl: /" + t.slug() + ".html\nweight: " + (t.index() + 1)
                    + "\ncategory: " + t.category() + "\nsummary: " + quoted(t.summary()) + "\ntags: " + t.tags() + "\n---\n" + body + "\n");
        }
    }

    /** The Hugo section of topic i: its chapter, so a page finds its chapter's topics without going through the whole site. */
    private static String hugoChapter(int i) {
        return String.format(Locale.ROOT, "ch-%03d", i / TOPICS_PER_CHAPTER + 1);
    }

    private static String quoted(String yaml) {
        return '"' + yaml.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private void writeJBake(List<Generated> topics, Path dir) throws IOException {
        Files.createDirectories(dir.resolve("content"));
        Map<String, String> files = new LinkedHashMap<>();
        files.put("jbake.properties", resource("jbake/jbake.properties"));
        files.put("templates/page.thyme", resource("jbake/page.thyme"));
        files.put("templates/index.thyme", resource("jbake/index.thyme"));
        writeAll(dir, files);
        Files.createDirectories(dir.resolve("assets"));
        Files.write(dir.resolve("assets/site.css"), css);
        Map<String, String> slugByFile = new LinkedHashMap<>();
        for (Generated t : topics) {
            slugByFile.put(t.file(), t.slug());
        }
        for (Generated t : topics) {
            Matcher m = LINK.matcher(t.body());
            String body = m.replaceAll(r -> Matcher.quoteReplacement("](" + slugByFile.get(r.group(1)) + ".html#" + r.group(2) + ")"));
            String tags = t.tags().replaceAll("[\\[\\]]", "").replace(", ", ",");
            // JBake sorts pages by date, newest first: one day a topic keeps the course order.
            String date = java.time.LocalDate.of(2000, 1, 1).plusDays(topics.size() - t.index()).toString();
            Files.writeString(dir.resolve("content").resolve(t.slug() + ".md"), "title=" + t.title() + "\ndate=" + date
                    + "\ntype=page\nstatus=published\nsummary=" + t.summary() + "\ncategory=" + t.category() + "\ntags=" + tags
                    + "\n~~~~~~\n" + body + "\n");
        }
    }

    private static void writeAll(Path dir, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
    }

    private static String resource(String name) {
        try (InputStream in = CorpusGenerator.class.getResourceAsStream("peers/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource peers/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private record Generated(int index, String file, String slug, String title, String category, String summary, String tags,
                             String body) {
    }

    /** A real topic: its front matter fields as written, and its body. */
    private record SourceTopic(String file, String slug, String title, String summary, String tags, String body) {
        private static final Pattern FIELD = Pattern.compile("(?m)^(\\w+):\\s*(.*)$");

        boolean hasAnalysis() {
            return body.contains("\n## 问题分析\n") || body.startsWith("## 问题分析\n");
        }

        static List<SourceTopic> readAll(Path content) throws IOException {
            List<SourceTopic> all = new ArrayList<>();
            try (Stream<Path> files = Files.list(content)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                    String text = Files.readString(f).replace("\r\n", "\n");
                    int close = text.indexOf("\n---\n", 4);
                    Map<String, String> fields = new LinkedHashMap<>();
                    Matcher m = FIELD.matcher(text.substring(4, close));
                    while (m.find()) {
                        fields.put(m.group(1), m.group(2).strip());
                    }
                    all.add(new SourceTopic(f.getFileName().toString(), fields.get("slug"), fields.get("title"), fields.get("summary"),
                            fields.getOrDefault("tags", "[]"), text.substring(close + 5)));
                }
            }
            if (all.isEmpty()) {
                throw new IllegalStateException("no topics in " + content);
            }
            return all;
        }
    }
}
