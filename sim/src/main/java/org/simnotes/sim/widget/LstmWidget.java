package org.simnotes.sim.widget;

import org.simnotes.sim.LstmResult;
import org.simnotes.sim.LstmUnroll;
import org.simnotes.simapi.Param;
import org.simnotes.simapi.SplitMix64;

/** The LSTM beside a plain RNN: its gates and cell state, and the product of forget gates along the cell. */
public final class LstmWidget extends GatedRnnWidget {
    private static final int GATES = 4;
    private static final Param[] PARAMS = params("遗忘门偏置 b_f", 2);

    @Override
    public String name() {
        return "lstm";
    }

    @Override
    public String caption() {
        return "调大遗忘门偏置 b_f，f 更接近 1，记忆单元 C 记得更久，折线衰减变慢；调小它，折线很快落到 RNN 的柱子附近。";
    }

    @Override
    public Param[] params() {
        return PARAMS;
    }

    /** The gate rows in PyTorch's order i, f, g, o; the forget rows' bias is b_f (split as b_ih = b_f, b_hh = 0). */
    @Override
    double[][] run(SplitMix64 rng, int steps, double bias, double[] xs) {
        CellWeights w = cellWeights(rng, GATES, bias);
        LstmResult r = LstmUnroll.run(INPUT, HIDDEN, steps, w.wih(), w.whh(), w.bih(), w.bhh(), new double[HIDDEN],
                new double[HIDDEN], xs);
        // Along the cell, C_t = f_t ⊙ C_{t−1} + …: the direct path multiplies by f_t.
        return new double[][] {r.forgetGate(), r.inputGate(), r.candidate(), r.outputGate(), r.cs(), r.forgetGate()};
    }

    @Override
    String cellName() {
        return "LSTM";
    }

    @Override
    String[] titles() {
        return new String[] {"遗忘门 fₜ", "输入门 iₜ", "候选记忆 C̃ₜ", "输出门 oₜ", "记忆单元 Cₜ"};
    }

    @Override
    String[] keys() {
        return new String[] {"forget", "input", "candidate", "output", "cell"};
    }

    @Override
    boolean[] signedTables() {
        return new boolean[] {false, false, true, false, true};
    }

    @Override
    String carryName() {
        return "∏ f";
    }

    @Override
    String explanation() {
        return "梯度沿记忆单元往回传时，每过一步乘一次遗忘门 f（折线；经过 h 的其他路径没有画出）。"
                + "f 接近 1 时衰减比 RNN 慢得多，但 f 总小于 1，这条路径仍会慢慢衰减：门控缓解而不是消除梯度消失。"
                + "权重与其余偏置按 PyTorch 的默认方式从 U(−1/√H, 1/√H) 随机生成，H = 3 是隐藏单元个数。";
    }
}
