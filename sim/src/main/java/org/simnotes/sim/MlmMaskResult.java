package org.simnotes.sim;

/** The positions BERT's masked-language-model selection picked, and what becomes of each. */
public final class MlmMaskResult {

    private final int[] selected;
    private final String[] actions;
    private final int[] tokens;

    MlmMaskResult(int[] selected, String[] actions, int[] tokens) {
        this.selected = selected;
        this.actions = actions;
        this.tokens = tokens;
    }

    /** The selected positions, ascending. */
    public int[] selected() {
        return selected;
    }

    /** One per selected position: {@link MlmMask#MASK}, {@link MlmMask#RANDOM} or {@link MlmMask#KEEP}. */
    public String[] actions() {
        return actions;
    }

    /** One per selected position: the random token for {@link MlmMask#RANDOM}, −1 otherwise. */
    public int[] tokens() {
        return tokens;
    }
}
