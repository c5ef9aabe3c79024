package org.simnotes.sitegen.markdown;

import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import java.nio.file.Path;
import org.simnotes.sitegen.build.Problems;
import org.simnotes.sitegen.math.MathRenderer;

/**
 * What our node renderers need while one topic is written: where its body starts in the file (so a
 * fault names its line), where faults go, and the shared math renderer. Stored on the document.
 */
public record RenderScope(Path file, int bodyLine, Problems problems, MathRenderer math) {
    static final DataKey<RenderScope> KEY = new DataKey<>("SIMNOTES_RENDER_SCOPE", (RenderScope) null);

    public static RenderScope of(Node node) {
        return KEY.get(node.getDocument());
    }

    void attachTo(Document document) {
        document.set(KEY, this);
    }

    /** The 1-based line of the topic file on which {@code node} starts. */
    public int lineOf(Node node) {
        return bodyLine + node.getLineNumber();
    }

    public void error(Node node, String message) {
        problems.error(file, lineOf(node), message);
    }
}
