package org.simnotes.sitegen.markdown.math.internal;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.block.AbstractBlockParser;
import com.vladsch.flexmark.parser.block.AbstractBlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Set;
import org.simnotes.sitegen.markdown.math.DisplayMath;

/**
 * A block that opens with a line starting {@code $$} and runs to the line ending {@code $$}
 * ({@code $$x$$} on one line works too). Its lines are TeX, not markdown, so list markers or
 * backslashes inside a formula stay as written.
 */
public final class DisplayMathParser extends AbstractBlockParser {
    private final DisplayMath block = new DisplayMath();
    private final StringBuilder tex = new StringBuilder();
    private boolean closed;

    private DisplayMathParser(BasedSequence opening) {
        // The node spans its opening line, which is where a fault in the formula is reported.
        block.setChars(opening);
        String firstLine = opening.toString().stripTrailing();
        String rest = firstLine.substring(2);
        if (rest.strip().endsWith("$$")) {
            tex.append(rest.strip(), 0, rest.strip().length() - 2);
            closed = true;
        } else {
            tex.append(rest);
        }
    }

    @Override
    public Block getBlock() {
        return block;
    }

    @Override
    public BlockContinue tryContinue(ParserState state) {
        if (closed) {
            return BlockContinue.none();
        }
        String line = state.getLine().toString().stripTrailing();
        if (line.endsWith("$$")) {
            tex.append('\n').append(line, 0, line.length() - 2);
            closed = true;
            return BlockContinue.atIndex(state.getLineEndIndex());
        }
        tex.append('\n').append(line);
        return BlockContinue.atIndex(state.getLineEndIndex());
    }

    @Override
    public void addLine(ParserState state, BasedSequence line) {
    }

    @Override
    public void closeBlock(ParserState state) {
        block.setTex(tex.toString().strip());
        block.setClosed(closed);
    }

    @Override
    public void parseInlines(InlineParser inlineParser) {
    }

    public static final class Factory implements CustomBlockParserFactory {
        @Override
        public BlockParserFactory apply(DataHolder options) {
            return new StartFactory(options);
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

    private static final class StartFactory extends AbstractBlockParserFactory {
        StartFactory(DataHolder options) {
            super(options);
        }

        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
            if (state.getIndent() >= 4) {
                return BlockStart.none();
            }
            BasedSequence line = state.getLine().subSequence(state.getNextNonSpaceIndex());
            if (!line.startsWith("$$")) {
                return BlockStart.none();
            }
            return BlockStart.of(new DisplayMathParser(line))
                    .atIndex(state.getLineEndIndex());
        }
    }
}
