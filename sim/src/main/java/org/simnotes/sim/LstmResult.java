package org.simnotes.sim;

/**
 * The states and gate values of an unrolled LSTM, each {@code steps * hiddenSize} values, one row per step 1 … T.
 *
 * @param hs the hidden states h_1 … h_T
 * @param cs the cell states c_1 … c_T
 * @param inputGate the input gate i = σ(z_i)
 * @param forgetGate the forget gate f = σ(z_f)
 * @param candidate the candidate g = tanh(z_g)
 * @param outputGate the output gate o = σ(z_o)
 */
public record LstmResult(int steps, int hiddenSize, double[] hs, double[] cs, double[] inputGate, double[] forgetGate,
                         double[] candidate, double[] outputGate) {
}
