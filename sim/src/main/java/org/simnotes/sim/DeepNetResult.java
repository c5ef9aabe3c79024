package org.simnotes.sim;

/** The norms of the activations and of the gradients, layer by layer, of one {@link DeepNet}. */
public final class DeepNetResult {

    private final int layers;
    private final int width;
    private final double[] gradNorms;
    private final double[] outputNorms;

    DeepNetResult(int layers, int width, double[] gradNorms, double[] outputNorms) {
        this.layers = layers;
        this.width = width;
        this.gradNorms = gradNorms;
        this.outputNorms = outputNorms;
    }

    public int layers() {
        return layers;
    }

    public int width() {
        return width;
    }

    /** {@code layers + 1} values: entry l is ‖∂L/∂h_l‖₂ for l = 0 … L, with L = Σ h_L. */
    public double[] gradNorms() {
        return gradNorms;
    }

    /** {@code layers + 1} values: entry l is ‖h_l‖₂, from the input h_0 to the output h_L. */
    public double[] outputNorms() {
        return outputNorms;
    }
}
