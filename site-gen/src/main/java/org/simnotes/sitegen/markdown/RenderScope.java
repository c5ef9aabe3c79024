package org.simnotes.sitegen.markdown;

import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.simnotes.sitegen.build.Problems;
import org.simnotes.sitegen.math.MathRenderer;

/**
 * What our node renderers need while one topic is written: where its body starts in the file (so a
 * fault names its line), where faults go, the shared math renderer, the page of every topic file (to
 * resolve links to {@code .md} files), and what the page links to and offers as anchors.
 */
public final class RenderScope {
    static final DataKey<RenderScope> KEY = new DataKey<>("SIMNOTES_RENDER_SCOPE", (RenderScope) null);

    private final Path file;
    private final int bodyLine;
    private final Problems problems;
    private final MathRenderer math;
    private final Map<String, String> pagesByFile;
    private final List<LinkUse> links = new ArrayList<>();
    private final List<String> anchors = new ArrayList<>();

    RenderScope(Path file, int bodyLine, Problems problems, MathRenderer math, Map<String, String> pagesByFile) {
        this.file = file;
        this.bodyLine = bodyLine;
        this.problems = problems;
        this.math = math;
        this.pagesByFile = pagesByFile;
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

    public MathRenderer math() {
        return math;
    }

    /** The page ({@code pooling.html}) of a topic file name ({@code 09-pooling.md}), or null. */
    public String pageOf(String fileName) {
        return pagesByFile.get(fileName);
    }

    public void linked(LinkUse use) {
        links.add(use);
    }

    /** An id on the page a link may point at ({@code #id}). */
    public void anchor(String id) {
        anchors.add(id);
    }

    List<LinkUse> links() {
        return List.copyOf(links);
    }

    List<String> anchors() {
        return List.copyOf(anchors);
    }

    /** The 1-based line of the topic file on which {@code node} starts. */
    public int lineOf(Node node) {
        return bodyLine + node.getLineNumber();
    }

    public void error(Node node, String message) {
        problems.error(file, lineOf(node), message);
    }
}
