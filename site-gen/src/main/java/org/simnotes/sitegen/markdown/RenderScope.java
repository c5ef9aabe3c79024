package org.simnotes.sitegen.markdown;

import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.simnotes.simapi.Widgets;
import org.simnotes.sitegen.fault.Problems;
import org.simnotes.sitegen.math.MathException;
import org.simnotes.sitegen.math.MathRenderer;

/**
 * What our node renderers need while one topic is written: where its body starts in the file (so a
 * fault names its line), where faults go, the shared math renderer, the page of every topic file (to
 * resolve links to {@code .md} files), and what the page offers as anchors.
 */
public final class RenderScope {
    static final DataKey<RenderScope> KEY = new DataKey<>("SIMNOTES_RENDER_SCOPE", (RenderScope) null);
    /** A spliced fragment's marker: its number between two private-use characters. */
    private static final char MARK = '\uE000';
    private static final char MARK_END = '\uE001';

    private final Path file;
    private final int bodyLine;
    /** The body's text, and where each of its lines but the first starts (made when first needed). */
    private final String body;
    private int[] lineStarts;
    private final Problems problems;
    private final MathRenderer math;
    private final Map<String, String> pagesByFile;
    private final Widgets widgets;
    private final List<String> anchors = new ArrayList<>();
    private final List<String> formulas = new ArrayList<>();
    private final List<String> formulaKeys = new ArrayList<>();
    /** HTML fragments written as markers and spliced into the body after flexmark rendered it. */
    private final List<String> verbatim = new ArrayList<>();
    /** Formulas written as markers whose HTML is not yet in {@link #verbatim}. */
    private final List<Formula> waiting = new ArrayList<>();
    /** Whether markers are unambiguous: the body itself holds no marker character. */
    private final boolean splices;

    RenderScope(Path file, int bodyLine, String body, Problems problems, MathRenderer math, Map<String, String> pagesByFile,
                Widgets widgets) {
        this.file = file;
        this.body = body;
        this.bodyLine = bodyLine;
        this.splices = body.indexOf(MARK) < 0;
        this.problems = problems;
        this.math = math;
        this.pagesByFile = pagesByFile;
        this.widgets = widgets;
    }

    public static RenderScope of(Node node) {
        return KEY.get(node.getDocument());
    }

    void attachTo(Document document) {
        document.set(KEY, this);
    }

    public Path file() {
        return file;
    }

    public Problems problems() {
        return problems;
    }

    /** The widgets a sim block can name. */
    public Widgets widgets() {
        return widgets;
    }

    public MathRenderer math() {
        return math;
    }

    /** The page ({@code pooling.html}) of a topic file name ({@code 09-pooling.md}), or null. */
    public String pageOf(String fileName) {
        return pagesByFile.get(fileName);
    }

    /** An id on the page a link may point at ({@code #id}). */
    public void anchor(String id) {
        anchors.add(id);
    }

    Set<String> anchors() {
        return Set.copyOf(anchors);
    }

    /**
     * HTML to put into the body exactly as it is. Large fragments (KaTeX's, a simulation's) are
     * written as a short marker and spliced in after rendering, since flexmark's writer looks at every
     * character it is given.
     */
    public String verbatim(String html) {
        if (!splices) {
            return html;
        }
        verbatim.add(html);
        return MARK + Integer.toString(verbatim.size() - 1) + MARK_END;
    }

    /**
     * A formula of this body (TeX {@code tex}, cache key {@code key}), whose KaTeX HTML may come later: a
     * marker now, the HTML put in its place by {@link #spliced} and kept for {@link #formulas}. A formula
     * that does not render is reported at {@code node}'s line and shown as its TeX.
     */
    public String formula(Node node, String tex, String key, CompletableFuture<String> html) {
        int at = formulas.size();
        formulas.add(null);
        formulaKeys.add(key);
        Formula f = new Formula(lineOf(node), tex, html, at, verbatim.size());
        if (!splices) {
            return html(f);
        }
        verbatim.add(null);
        waiting.add(f);
        return MARK + Integer.toString(f.slot()) + MARK_END;
    }

    /** A formula waiting for its HTML: its line, and where it goes among the formulas and the spliced fragments. */
    private record Formula(int line, String tex, CompletableFuture<String> later, int at, int slot) {
    }

    /** Waits for a formula's HTML and keeps it for {@link #formulas}; on a fault, reports it and gives its TeX as code. */
    private String html(Formula f) {
        try {
            String html = f.later().join();
            formulas.set(f.at(), html);
            return html;
        } catch (CompletionException e) {
            if (!(e.getCause() instanceof MathException m)) {
                throw e;
            }
            problems.error(file, f.line(), "math does not render: " + m.getMessage());
            formulas.set(f.at(), "");
            return "<code class=\"math-error\">" + Escaping.escapeHtml(f.tex(), false) + "</code>";
        }
    }

    List<String> formulas() {
        return List.copyOf(formulas);
    }

    List<String> formulaKeys() {
        return List.copyOf(formulaKeys);
    }

    /** The rendered body with every {@link #verbatim} fragment, formulas once rendered, in place of its marker. */
    String spliced(String rendered) {
        for (Formula f : waiting) {
            verbatim.set(f.slot(), html(f));
        }
        waiting.clear();
        if (verbatim.isEmpty()) {
            return rendered;
        }
        StringBuilder out = new StringBuilder(rendered.length() + verbatim.stream().mapToInt(String::length).sum());
        int from = 0;
        for (int at = rendered.indexOf(MARK); at >= 0; at = rendered.indexOf(MARK, from)) {
            int end = rendered.indexOf(MARK_END, at);
            out.append(rendered, from, at).append(verbatim.get(Integer.parseInt(rendered, at + 1, end, 10)));
            from = end + 1;
        }
        return out.append(rendered, from, rendered.length()).toString();
    }

    /**
     * The 1-based line of the topic file on which {@code node} starts. (Flexmark's own line number counts
     * the lines from the start of the body for each node asked about; the body's line starts are found once.)
     */
    public int lineOf(Node node) {
        if (lineStarts == null) {
            List<Integer> starts = new ArrayList<>();
            for (int i = body.indexOf('\n'); i >= 0; i = body.indexOf('\n', i + 1)) {
                starts.add(i + 1);
            }
            lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }
        int at = Arrays.binarySearch(lineStarts, node.getStartOffset());
        return bodyLine + (at >= 0 ? at + 1 : -at - 1);
    }

    public void error(Node node, String message) {
        problems.error(file, lineOf(node), message);
    }
}
