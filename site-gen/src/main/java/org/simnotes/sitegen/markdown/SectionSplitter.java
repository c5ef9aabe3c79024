package org.simnotes.sitegen.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.simnotes.sitegen.markdown.callout.NoteCalloutExtension;
import org.simnotes.sitegen.markdown.math.DisplayMath;
import org.simnotes.sitegen.markdown.math.FormulaText;
import org.simnotes.sitegen.markdown.math.InlineMath;
import org.simnotes.sitegen.markdown.sim.SimBlockExtension;

/**
 * Cuts a parsed topic into sections at every heading and writes each section as the plain text a
 * reader sees. An inline formula is written as it reads ({@link FormulaText}: "Wₕₕ = ρQ", not its TeX,
 * whose command names would match words like "frac"); a display one is left out, as are a table's ---
 * row and a simulation's parameters.
 */
final class SectionSplitter {
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** An editor's note's marker as its text reads once collected; the page shows only the title after it. */
    private static final Pattern NOTE_MARKER = Pattern.compile("^\\s*\\[?!NOTE]?");

    private SectionSplitter() {
    }

    static List<TopicSection> split(Document document) {
        List<TopicSection> sections = new ArrayList<>();
        String id = "";
        String heading = "";
        StringBuilder text = new StringBuilder();
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading h) {
                add(sections, id, heading, text);
                id = h.getAnchorRefId();
                heading = headingText(h);
                text.setLength(0);
            } else {
                collect(node, text);
            }
        }
        add(sections, id, heading, text);
        return List.copyOf(sections);
    }

    static String headingText(Heading heading) {
        return new TextCollectingVisitor().collectAndGetText(heading).strip();
    }

    private static void add(List<TopicSection> sections, String id, String heading, CharSequence text) {
        String plain = SPACES.matcher(text).replaceAll(" ").strip();
        if (!heading.isEmpty() || !plain.isEmpty()) {
            sections.add(new TopicSection(id, heading, plain));
        }
    }

    private static void collect(Node node, StringBuilder out) {
        if (node instanceof DisplayMath || node instanceof TableSeparator
                || (node instanceof FencedCodeBlock f && SimBlockExtension.isSim(f))) {
            return;
        }
        if (node instanceof BlockQuote q && NoteCalloutExtension.isNote(q)) {
            StringBuilder note = new StringBuilder();
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                collect(child, note);
            }
            out.append(NOTE_MARKER.matcher(note).replaceFirst("")).append(' ');
        } else if (node instanceof InlineMath m) {
            out.append(FormulaText.of(m.tex()));
        } else if (node instanceof Text || node instanceof HtmlEntity) {
            out.append(node.getChars().unescape());
        } else if (node instanceof Code code) {
            out.append(code.getText());
        } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
            out.append(' ');
        } else if (node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock
                || node instanceof HtmlBlockBase || node instanceof HtmlInlineBase) {
            // Code is shown as written, and raw HTML is escaped to text on the page.
            out.append(node instanceof FencedCodeBlock f ? f.getContentChars() : node.getChars());
        } else {
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                collect(child, out);
            }
        }
        if (node instanceof Block || node instanceof TableCell) {
            out.append(' ');
        }
    }
}
