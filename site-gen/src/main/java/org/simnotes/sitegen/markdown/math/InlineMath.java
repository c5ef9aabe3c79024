package org.simnotes.sitegen.markdown.math;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** {@code $…$}: a formula inside a line of text. */
public final class InlineMath extends Node {
    private final BasedSequence tex;

    public InlineMath(BasedSequence chars, BasedSequence tex) {
        super(chars);
        this.tex = tex;
    }

    public String tex() {
        return tex.toString();
    }

    @Override
    public BasedSequence[] getSegments() {
        return new BasedSequence[] {tex};
    }
}
