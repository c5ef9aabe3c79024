package org.simnotes.sim.widget;

import org.simnotes.sim.GruResult;
import org.simnotes.sim.GruUnroll;
import org.simnotes.simapi.Param;
import org.simnotes.simapi.SplitMix64;

/**
 * The GRU beside a plain RNN, in the topic's notation h_t = (1 − z_t)⊙h_{t−1} + z_t⊙h̃_t: its gates and states,
 * and the product of (1 − z) along the direct path from h_{t−1} to h_t. PyTorch's update gate is this z's
 * complement, so the core runs with the update rows' weights and bias negated and the view shows 1 − its z.
 */
public final class GruWidget extends GatedRnnWidget {
    private static final int GATES = 3;
    private static final Param[] PARAMS = params("更新门偏置 b_z", -2);

    @Override
    public String name() {
        return "gru";
    }

    @Override
    public String caption() {
        return "调小更新门偏置 b_z，zₜ 更接近 0，hₜ 保留更多 hₜ₋₁，折线衰减变慢；调大它，折线很快落到 RNN 的柱子附近。";
    }

    @Override
    public Param[] params() {
        return PARAMS;
    }

    /**
     * The rows in PyTorch's order r, z, n. PyTorch's z is σ(a) with h_t = (1 − z)⊙n + z⊙h_{t−1}; the topic's z_t is
     * 1 − σ(a) = σ(−a), so the update rows get bias −b_z (split as b_ih = −b_z, b_hh = 0) and their random weights
     * stand for −W_z.
     */
    @Override
    double[][] run(SplitMix64 rng, int steps, double bias, double[] xs) {
        CellWeights w = cellWeights(rng, GATES, -bias);
        GruResult r = GruUnroll.run(INPUT, HIDDEN, steps, w.wih(), w.whh(), w.bih(), w.bhh(), new double[HIDDEN], xs);
        double[] keep = r.updateGate();
        double[] z = new double[keep.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = 1 - keep[i];
        }
        // The direct path from h_{t−1} to h_t multiplies by 1 − z_t: PyTorch's z.
        return new double[][] {z, r.resetGate(), r.candidate(), r.hs(), keep};
    }

    @Override
    String cellName() {
        return "GRU";
    }

    @Override
    String[] titles() {
        return new String[] {"更新门 zₜ", "重置门 rₜ", "候选状态 h̃ₜ", "隐藏状态 hₜ"};
    }

    @Override
    String[] keys() {
        return new String[] {"update", "reset", "candidate", "hidden"};
    }

    @Override
    boolean[] signedTables() {
        return new boolean[] {false, false, true, true};
    }

    @Override
    String carryName() {
        return "∏ (1 − z)";
    }

    @Override
    String explanation() {
        return "梯度沿 hₜ₋₁ → hₜ 的直通项往回传时，每过一步乘一次 1 − zₜ（折线；经过候选状态的其他路径没有画出）。"
                + "1 − z 接近 1 时衰减比 RNN 慢得多，但仍会慢慢衰减：门控缓解而不是消除梯度消失。"
                + "候选状态按 PyTorch 的实现计算：重置门 rₜ 乘在 hₜ₋₁ 经过线性变换之后的结果上。"
                + "权重与其余偏置按 PyTorch 的默认方式从 U(−1/√H, 1/√H) 随机生成，H = 3 是隐藏单元个数。";
    }
}
