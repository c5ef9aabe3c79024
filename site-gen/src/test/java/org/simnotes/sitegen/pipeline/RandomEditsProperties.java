package org.simnotes.sitegen.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.simnotes.sitegen.TestSite;
import org.simnotes.sitegen.content.FileChanges;
import org.simnotes.sitegen.fault.BuildException;
import org.simnotes.sitegen.fault.Problem;
import org.simnotes.sitegen.math.MathRenderer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The dev server's rebuild after any sequence of edits gives what a fresh build of the same sources
 * gives: the same bytes in every file, or the same faults. The edits are an author's: topics added,
 * removed and renamed; a title, slug, order, body, formula, sim block or link changed; site.yml and
 * the templates edited.
 */
class RandomEditsProperties {
    private static final List<String> FORMULAS = List.of("$x^2$", "$\\frac{a}{b}$", "$$\n\\sum_{i=1}^{n} w_i\n$$", "$\\sqrt{2}$");
    private static final List<String> SIMS = List.of(
            "```sim dropout\nkeepProb: 0.5\nn: 64\nseed: 42\n```", "```sim pool\nmode: max\nsize: 6\nkernel: 2\nstride: 2\n```",
            "```sim rnn\nsteps: 20\n```");
    private static final List<String> CATEGORIES = List.of("甲类", "乙类");

    enum Kind { ADD, REMOVE, RENAME, TITLE, SLUG, ORDER, CATEGORY, BODY, FORMULA, SIM, LINK, SITE_TITLE, CATEGORY_ORDER, BASE_URL,
        TEMPLATE, STYLESHEET }

    /** One edit; {@code a} and {@code b} pick what it touches and how. */
    record Edit(Kind kind, int a, int b) {
    }

    /** Every formula the edits may write, in the math cache, so that no build starts KaTeX. */
    @BeforeContainer
    static void cacheFormulas() throws Exception {
        try (MathRenderer math = MathRenderer.open(TestSite.mathCache())) {
            for (String f : FORMULAS) {
                String tex = f.replace("$", "").strip();
                math.render(tex, f.startsWith("$$"));
            }
            math.saveCache();
        }
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 999), Arbitraries.integers().between(0, 999))
                .as(Edit::new).list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 12)
    void everyUpdateGivesWhatAFreshBuildGives(@ForAll("edits") List<Edit> edits) throws Exception {
        Path dir = Files.createTempDirectory("random-edits");
        try {
            Course course = new Course(dir);
            try (SiteBuilder serving = new SiteBuilder(course.options(dir.resolve("served")))) {
                serving.update(Progress.NONE, FileChanges.ANY, () -> { });
                int step = 0;
                for (Edit edit : edits) {
                    Set<Path> changed = course.apply(edit);
                    step++;
                    assertSameAsFresh(course, serving, changed, dir.resolve("fresh-" + step), edits.subList(0, step));
                }
            }
        } finally {
            delete(dir);
        }
    }

    private static void assertSameAsFresh(Course course, SiteBuilder serving, Set<Path> changed, Path fresh, List<Edit> done)
            throws Exception {
        Set<Problem> expected = null;
        try {
            new SiteBuilder(course.options(fresh)).build(Progress.NONE);
        } catch (BuildException e) {
            expected = new HashSet<>(e.problems());
        }
        try {
            serving.update(Progress.NONE, FileChanges.of(changed), () -> { });
        } catch (BuildException e) {
            assertEquals(expected, new HashSet<>(e.problems()), "after " + done);
            return;
        }
        if (expected != null) {
            fail("a fresh build fails, the update does not, after " + done + ": " + expected);
        }
        Map<String, byte[]> want = ReproducibleBuildTest.files(fresh);
        Map<String, byte[]> got = ReproducibleBuildTest.files(course.dir.resolve("served"));
        assertEquals(want.keySet(), got.keySet(), "after " + done);
        want.forEach((name, bytes) -> assertTrue(Arrays.equals(bytes, got.get(name)), name + " differs after " + done));
    }

    /** A small course of three topics, each but the first linking to the first, with its own templates, and the edits made to it. */
    private static final class Course {
        private final Path dir;
        private final Path content;
        private final Path templates;
        /** Each topic file's front matter fields and body, by file name, in file order. */
        private final Map<String, Map<String, String>> topics = new TreeMap<>();
        private final Map<String, String> site = new TreeMap<>();
        private int made;

        Course(Path dir) throws IOException {
            this.dir = dir;
            content = Files.createDirectories(dir.resolve("content"));
            templates = dir.resolve("templates");
            TestSite.copyTree(TestSite.projectRoot().resolve("templates"), templates);
            site.put("title", "小课程");
            site.put("base_url", "/");
            site.put("categories", String.join(",", CATEGORIES));
            writeSite();
            for (int i = 0; i < 3; i++) {
                add(i);
            }
        }

        BuildOptions options(Path output) {
            return new BuildOptions(content, templates, output, TestSite.mathCache(), null, false, false);
        }

        /** Makes the edit; returns the files it changed, as a file watcher would name them. */
        Set<Path> apply(Edit e) throws IOException {
            List<String> files = new ArrayList<>(topics.keySet());
            String file = files.get(e.a() % files.size());
            Map<String, String> topic = topics.get(file);
            switch (e.kind()) {
                case ADD -> {
                    return Set.of(add(e.b()));
                }
                case REMOVE -> {
                    if (files.size() == 1) {
                        return Set.of();
                    }
                    topics.remove(file);
                    Files.delete(content.resolve(file));
                    return Set.of(content.resolve(file));
                }
                case RENAME -> {
                    String to = String.format("%02d-renamed-%d.md", e.b() % 100, made++);
                    topics.put(to, topics.remove(file));
                    Files.delete(content.resolve(file));
                    Set<Path> changed = new HashSet<>(Set.of(content.resolve(file), content.resolve(to)));
                    // The author mends the links to it, as the build would otherwise report them.
                    for (Map.Entry<String, Map<String, String>> t : topics.entrySet()) {
                        String body = t.getValue().get("body");
                        if (body.contains("(" + file + ")")) {
                            t.getValue().put("body", body.replace("(" + file + ")", "(" + to + ")"));
                            changed.add(content.resolve(t.getKey()));
                        }
                    }
                    for (Path p : changed) {
                        writeIfTopic(p.getFileName().toString());
                    }
                    return changed;
                }
                case TITLE -> topic.put("title", "题目" + e.b());
                case SLUG -> topic.put("slug", "s" + made++);
                case ORDER -> topic.put("order", Integer.toString(e.b() % 5));
                case CATEGORY -> topic.put("category", CATEGORIES.get(e.b() % CATEGORIES.size()));
                case BODY -> topic.put("body", topic.get("body") + "\n补充第" + e.b() + "句。\n");
                case FORMULA -> topic.put("body", topic.get("body") + "\n公式 " + FORMULAS.get(e.b() % FORMULAS.size()) + "\n");
                case SIM -> topic.put("body", topic.get("body") + "\n" + SIMS.get(e.b() % SIMS.size()) + "\n");
                case LINK -> topic.put("body", topic.get("body") + "\n另见[那一题](" + files.get(e.b() % files.size()) + ")。\n");
                case SITE_TITLE -> {
                    site.put("title", "课程" + e.b());
                    return writeSite();
                }
                case CATEGORY_ORDER -> {
                    List<String> order = new ArrayList<>(CATEGORIES);
                    if (e.b() % 2 == 1) {
                        Collections.reverse(order);
                    }
                    site.put("categories", String.join(",", order));
                    return writeSite();
                }
                case BASE_URL -> {
                    site.put("base_url", e.b() % 2 == 0 ? "/" : "https://example.org/c" + e.b() % 3 + "/");
                    return writeSite();
                }
                case TEMPLATE -> {
                    return Set.of(replace(templates.resolve("layout.html"), "<footer class=\"site-footer\">",
                            "<footer class=\"site-footer\"><p>第" + e.b() + "版</p>"));
                }
                case STYLESHEET -> {
                    Path css = templates.resolve("assets/site.css");
                    Files.writeString(css, Files.readString(css) + "\n.edit-" + e.b() + " { color: red; }\n");
                    return Set.of(css);
                }
                default -> throw new IllegalStateException(e.kind().name());
            }
            writeIfTopic(file);
            return Set.of(content.resolve(file));
        }

        /** A new topic, linking to the first topic file there is, if any. */
        private Path add(int seed) throws IOException {
            String file = String.format("%02d-topic-%d.md", seed % 100, made);
            String link = topics.isEmpty() ? "" : "见[第一题](" + topics.keySet().iterator().next() + ")。\n";
            topics.put(file, new TreeMap<>(Map.of("title", "第" + made + "题", "slug", "t" + made, "order", Integer.toString(seed % 5),
                    "category", CATEGORIES.get(seed % CATEGORIES.size()),
                    "body", "## 要点\n\n正文" + made + "。" + link + "\n## 面试回答\n\n> 回答" + made + "。\n")));
            made++;
            writeIfTopic(file);
            return content.resolve(file);
        }

        private void writeIfTopic(String file) throws IOException {
            Map<String, String> t = topics.get(file);
            if (t != null) {
                Files.writeString(content.resolve(file), "---\ntitle: " + t.get("title") + "\nslug: " + t.get("slug") + "\norder: "
                        + t.get("order") + "\ncategory: " + t.get("category") + "\nsummary: 摘要\n---\n" + t.get("body"));
            }
        }

        private Set<Path> writeSite() throws IOException {
            Path file = content.resolve("site.yml");
            Files.writeString(file, "title: " + site.get("title") + "\nlanguage: zh-CN\nbase_url: " + site.get("base_url")
                    + "\ncategories: [" + site.get("categories") + "]\n");
            return Set.of(file);
        }

        private static Path replace(Path file, String from, String to) throws IOException {
            Files.writeString(file, Files.readString(file).replace(from, to));
            return file;
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
