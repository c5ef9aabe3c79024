package org.simnotes.sim;

/**
 * The states and gate values of an unrolled GRU, each {@code steps * hiddenSize} values, one row per step 1 … T.
 *
 * @param hs the hidden states h_1 … h_T
 * @param resetGate the reset gate r, which scales W_hn·h_{t−1} + b_hn inside the candidate
 * @param updateGate the update gate z: the share of h_{t−1} that h_t keeps
 * @param candidate the candidate n
 */
public record GruResult(int steps, int hiddenSize, double[] hs, double[] resetGate, double[] updateGate,
                        double[] candidate) {
}
