package org.simnotes.sitegen.markdown.math;

import com.vladsch.flexmark.util.ast.Block;

/** {@code $$ … $$} on lines of their own: a formula set as its own block. */
public final class DisplayMath extends Block {
    private String tex = "";
    private boolean closed;

    public String tex() {
        return tex;
    }

    public void setTex(String tex) {
        this.tex = tex;
    }

    /** False when the closing {@code $$} is missing: the block then ran to the end of the page. */
    public boolean closed() {
        return closed;
    }

    public void setClosed(boolean closed) {
        this.closed = closed;
    }

    @Override
    public com.vladsch.flexmark.util.sequence.BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
