package starter;

import org.simnotes.simapi.Html;
import org.simnotes.simapi.Param;
import org.simnotes.simapi.SplitMix64;
import org.simnotes.simapi.Stats;
import org.simnotes.simapi.Svg;
import org.simnotes.simapi.Widget;

/**
 * Coin flips with a chosen probability of heads: a number parameter, a choice, a seeded draw and an SVG
 * drawing. Embedded in a topic by a {@code ```sim coin} block.
 */
public final class CoinWidget implements Widget {
    private static final Param[] PARAMS = {
        Param.number("p", "正面概率 p", 0, 1, 0.05, 0.5),
        Param.number("flips", "抛掷次数 n", 10, 200, 10, 40),
        Param.number("seed", "随机种子", 0, 999, 1, 7),
        Param.choice("show", "显示", new String[] {"all", "heads"}, new String[] {"全部", "只看正面"}, 0),
    };
    private static final int PER_ROW = 20;
    private static final double CELL = 14;

    @Override
    public String name() {
        return "coin";
    }

    @Override
    public String caption() {
        return "拖动正面概率 p 和抛掷次数 n，看正面比例如何靠近 p。";
    }

    @Override
    public Param[] params() {
        return PARAMS;
    }

    @Override
    public void render(double[] values, StringBuilder out) {
        double p = values[0];
        int flips = (int) values[1];
        boolean headsOnly = values[3] == 1;
        SplitMix64 rng = SplitMix64.fromSeed(values[2]);
        int rows = (flips + PER_ROW - 1) / PER_ROW;
        Svg svg = new Svg(out, PER_ROW * CELL, rows * CELL, "sim-coin", "每次抛掷的结果，深色为正面", "");
        int heads = 0;
        for (int i = 0; i < flips; i++) {
            boolean head = rng.nextDouble() < p;
            if (head) {
                heads++;
            }
            if (head || !headsOnly) {
                svg.circle((i % PER_ROW) * CELL + CELL / 2, (i / PER_ROW) * CELL + CELL / 2, CELL / 2 - 2,
                        head ? "cell level-4" : "cell level-1");
            }
        }
        svg.end();
        double share = (double) heads / flips;
        new Stats(out)
                .add("正面次数", Integer.toString(heads), "heads", Integer.toString(heads))
                .add("正面比例", Html.fixed(share, 3), "share", Double.toString(share))
                .brief() // what a screen reader announces after each change
                .end();
    }
}
