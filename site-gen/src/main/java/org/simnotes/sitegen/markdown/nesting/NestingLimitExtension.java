package org.simnotes.sitegen.markdown.nesting;

import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.anchorlink.internal.AnchorLinkNodePostProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.PostProcessor;
import com.vladsch.flexmark.parser.PostProcessorFactory;
import com.vladsch.flexmark.parser.block.AbstractBlockParser;
import com.vladsch.flexmark.parser.block.AbstractBlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.DocumentPostProcessor;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.data.NullableDataKey;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Caps how deeply block quotes, list items, emphasis and links may sit inside each other. flexmark
 * recurses once per level when it post-processes and renders a document, and its block parser slows
 * with the square of the depth, so a few hundred levels (one line of 500 {@code >}) overflow the stack.
 * While blocks are parsed, a line that would open containers past {@link #MAX_DEPTH} is kept out of
 * the tree; right after parsing, before anything recurses, the tree is walked without recursion and
 * any deeper branch (nested emphasis or links) is cut. Both note the line for {@link #tooDeep}.
 */
public final class NestingLimitExtension implements Parser.ParserExtension {
    /**
     * Far above what any topic needs, and a fraction of the depth at which flexmark overflows a
     * thread's default stack (measured, on the main thread and a parallel stream's worker alike: about
     * 650 block quotes, 380 nested lists, 1,000 nested emphases).
     */
    public static final int MAX_DEPTH = 100;

    private static final NullableDataKey<TooDeep> TOO_DEEP = new NullableDataKey<>("SIMNOTES_TOO_DEEP");

    private NestingLimitExtension() {
    }

    public static NestingLimitExtension create() {
        return new NestingLimitExtension();
    }

    /** The 0-based lines of the parsed text where nesting went past {@link #MAX_DEPTH}: one per run of lines. */
    public static List<Integer> tooDeep(Document document) {
        TooDeep found = TOO_DEEP.get(document);
        return found == null ? List.of() : List.copyOf(found.lines);
    }

    /** Lines that went too deep. */
    private static final class TooDeep {
        final SortedSet<Integer> lines = new TreeSet<>();
        int lastParsed = Integer.MIN_VALUE;

        static TooDeep of(MutableDataHolder document) {
            TooDeep found = TOO_DEEP.get(document);
            if (found == null) {
                found = new TooDeep();
                document.set(TOO_DEEP, found);
            }
            return found;
        }

        /** A line kept out while parsing, in order: one within two lines of the last continues its run and is not noted again. */
        void parsed(int line) {
            if (line > lastParsed + 2) {
                lines.add(line);
            }
            lastParsed = line;
        }
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customBlockParserFactory(new GuardFactory());
        builder.postProcessorFactory(new CutterFactory());
    }

    /** Whether a node is a level of nesting: lists count by their items, and a paragraph only holds its text. */
    private static boolean counts(Node node) {
        return !(node instanceof Document || node instanceof ListBlock || node instanceof Paragraph);
    }

    /** Tried before any other block parser: takes a line whose containers would go too deep, whole. */
    private static final class Guard extends AbstractBlockParserFactory {
        Guard(DataHolder options) {
            super(options);
        }

        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
            int depth = 0;
            for (Node n = matched.getBlockParser().getBlock(); n != null && depth <= MAX_DEPTH; n = n.getParent()) {
                depth += counts(n) ? 1 : 0;
            }
            if (depth + markersAhead(state.getLine(), state.getNextNonSpaceIndex(), MAX_DEPTH + 1 - depth) <= MAX_DEPTH) {
                return BlockStart.none();
            }
            TooDeep.of(state.getProperties()).parsed(state.getLineNumber());
            return BlockStart.of(new Skipped()).atIndex(state.getLineEndIndex());
        }

        /** How many block quote and list markers start at {@code from}, counting up to {@code enough}. */
        private static int markersAhead(BasedSequence line, int from, int enough) {
            int count = 0;
            int i = from;
            while (count < enough && i < line.length()) {
                char c = line.charAt(i);
                int digits = 0;
                while (digits < 10 && Character.isDigit(line.safeCharAt(i + digits))) {
                    digits++;
                }
                if (c == ' ' || c == '\t') {
                    i++;
                } else if (c == '>') {
                    count++;
                    i++;
                } else if ((c == '-' || c == '+' || c == '*') && isBlank(line.safeCharAt(i + 1))) {
                    count++;
                    i += 2;
                } else if (digits > 0 && digits < 10 && (line.safeCharAt(i + digits) == '.' || line.safeCharAt(i + digits) == ')')
                        && isBlank(line.safeCharAt(i + digits + 1))) {
                    count++;
                    i += digits + 2;
                } else {
                    break;
                }
            }
            return count;
        }

        private static boolean isBlank(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\0';
        }
    }

    /** A line kept out of the tree: the build fails on it, so it is not rendered. */
    private static final class Skipped extends AbstractBlockParser {
        private final Block block = new SkippedLine();

        @Override
        public Block getBlock() {
            return block;
        }

        @Override
        public BlockContinue tryContinue(ParserState state) {
            return BlockContinue.none();
        }

        @Override
        public void closeBlock(ParserState state) {
        }
    }

    private static final class SkippedLine extends Block {
        @Override
        public BasedSequence[] getSegments() {
            return EMPTY_SEGMENTS;
        }
    }

    private static final class GuardFactory implements CustomBlockParserFactory {
        @Override
        public BlockParserFactory apply(DataHolder options) {
            return new Guard(options);
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return null;
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return null;
        }

        @Override
        public boolean affectsGlobalScope() {
            return false;
        }
    }

    /** Cuts, without recursing, every branch of the parsed tree deeper than {@link #MAX_DEPTH}. */
    private static final class Cutter extends DocumentPostProcessor {
        @Override
        public Document processDocument(Document document) {
            Deque<Node> nodes = new ArrayDeque<>();
            Deque<Integer> levels = new ArrayDeque<>();
            nodes.push(document);
            levels.push(0);
            while (!nodes.isEmpty()) {
                Node node = nodes.pop();
                int childLevel = levels.pop() + (counts(node) ? 1 : 0);
                if (childLevel > MAX_DEPTH && node.hasChildren()) {
                    TooDeep.of(document).lines.add(node.getFirstChild().getLineNumber());
                    node.removeChildren();
                    continue;
                }
                for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                    nodes.push(child);
                    levels.push(childLevel);
                }
            }
            return document;
        }
    }

    private static final class CutterFactory implements PostProcessorFactory {
        @Override
        public Map<Class<?>, Set<Class<?>>> getNodeTypes() {
            return null;
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return null;
        }

        /** Before the heading anchors' post-processor, the first to walk the tree recursively. */
        @Override
        public Set<Class<?>> getBeforeDependents() {
            return Set.of(AnchorLinkNodePostProcessor.Factory.class);
        }

        @Override
        public boolean affectsGlobalScope() {
            return true;
        }

        @Override
        public PostProcessor apply(Document document) {
            return new Cutter();
        }
    }
}
