package org.simnotes.sitegen.markdown.math.internal;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Set;
import org.simnotes.sitegen.markdown.math.InlineMath;

/**
 * Reads {@code $…$} with Pandoc's rule, so prices and lone dollars stay text: the opening {@code $}
 * is not followed by a space, the closing one is not preceded by a space nor followed by a digit.
 */
public final class InlineMathParser implements InlineParserExtension {

    @Override
    public void finalizeDocument(InlineParser inlineParser) {
    }

    @Override
    public void finalizeBlock(InlineParser inlineParser) {
    }

    @Override
    public boolean parse(LightInlineParser parser) {
        BasedSequence input = parser.getInput();
        int start = parser.getIndex();
        int open = input.safeCharAt(start + 1) == '$' ? 2 : 1;
        int from = start + open;
        if (from >= input.length() || Character.isWhitespace(input.charAt(from))) {
            return false;
        }
        int end = closing(input, from, open);
        if (end < 0) {
            return false;
        }
        parser.flushTextNode();
        parser.getBlock().appendChild(new InlineMath(input.subSequence(start, end + open), input.subSequence(from, end)));
        parser.setIndex(end + open);
        return true;
    }

    private static int closing(BasedSequence input, int from, int open) {
        for (int i = from; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '$') {
                if (open == 2) {
                    return input.safeCharAt(i + 1) == '$' ? i : -1;
                }
                boolean spaceBefore = Character.isWhitespace(input.charAt(i - 1));
                boolean digitAfter = Character.isDigit(input.safeCharAt(i + 1));
                return spaceBefore || digitAfter || i == from ? -1 : i;
            }
        }
        return -1;
    }

    public static final class Factory implements InlineParserExtensionFactory {
        @Override
        public CharSequence getCharacters() {
            return "$";
        }

        @Override
        public InlineParserExtension apply(LightInlineParser parser) {
            return new InlineMathParser();
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
}
