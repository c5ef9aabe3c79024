package org.simnotes.sim.widget;

import org.simnotes.sim.MlmMask;
import org.simnotes.sim.MlmMaskResult;
import org.simnotes.simapi.Attributes;
import org.simnotes.simapi.Html;
import org.simnotes.simapi.Param;
import org.simnotes.simapi.Stats;
import org.simnotes.simapi.Svg;
import org.simnotes.simapi.Widget;

/**
 * BERT's masked-language-model input on one sentence, a character a token as in Chinese BERT: which tokens
 * are selected, and which of them become [MASK], a random token or stay, with the shares over many tokens.
 */
public final class MaskWidget implements Widget {
    static final int RATE = 0;
    static final int SEED = 1;
    /** The topic's own description of MLM, one token a character. */
    static final String SENTENCE = "随机掩蔽输入句子中的一些词，模型通过上下文预测这些被掩蔽的词。";
    /** The small vocabulary random replacements are drawn from: common characters. */
    static final String VOCAB = "的一是在不了有和人这中大为上个我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说";
    /** Enough positions for the shares to settle near their probabilities. */
    static final int MANY = 10_000;
    private static final int PER_ROW = 10;
    private static final double BOX = 34;
    private static final double GAP = 6;
    private static final double ROW = BOX + 20;
    private static final double TOP = 22;

    private static final Param[] PARAMS = {
        Param.number("rate", "选中比例", 0.05, 0.5, 0.05, 0.15),
        Param.number("seed", "随机种子", 0, 999_999, 1, 5),
    };

    @Override
    public String name() {
        return "mask";
    }

    @Override
    public String caption() {
        return "点“重新采样”换一组被选中的字，看哪些变成 [MASK]、哪些换成随机字、哪些保持不变；调高选中比例再看下面的统计。";
    }

    @Override
    public Param[] params() {
        return PARAMS;
    }

    /** The selection on the sentence. */
    static MlmMaskResult sentence(double[] v) {
        return MlmMask.select(SENTENCE.length(), v[SEED], VOCAB.length(), v[RATE]);
    }

    @Override
    public void render(double[] v, StringBuilder sb) {
        MlmMaskResult r = sentence(v);
        int[] selected = r.selected();
        String[] actions = r.actions();
        int n = SENTENCE.length();
        // [CLS] and [SEP] frame the sentence; they are never selected.
        int cells = n + 2;
        int rows = (cells + PER_ROW - 1) / PER_ROW;
        sb.append("<div class=\"sim-figures\">");
        Svg svg = new Svg(sb, PER_ROW * (BOX + GAP), TOP + rows * ROW + 28, "sim-tokens", "模型看到的输入",
                new Attributes().ints("data-selected", selected).text("data-actions", join(actions)).ints("data-tokens", r.tokens())
                        .toString());
        svg.text(0, 14, "sim-title", "模型看到的输入（框下是要预测的原字）");
        // The sequence as text too, for screen readers, which the picture (an image) tells nothing.
        StringBuilder read = new StringBuilder("模型看到的输入：[CLS]");
        int next = 0;
        for (int c = 0; c < cells; c++) {
            double x = (c % PER_ROW) * (BOX + GAP);
            double y = TOP + (c / PER_ROW) * ROW;
            if (c == 0 || c == cells - 1) {
                svg.rect(x, y, BOX, BOX, "cell padding", "").text(x + BOX / 2, y + BOX / 2 + 4, "cell-value small faint",
                        c == 0 ? "CLS" : "SEP");
                continue;
            }
            int pos = c - 1;
            String original = SENTENCE.substring(pos, pos + 1);
            String action = next < selected.length && selected[next] == pos ? actions[next] : null;
            if (action == null) {
                svg.rect(x, y, BOX, BOX, "cell level-0", "").text(x + BOX / 2, y + BOX / 2 + 5, "cell-value token", original);
                read.append(' ').append(original);
                continue;
            }
            String shown = MlmMask.MASK.equals(action) ? "MASK"
                    : MlmMask.RANDOM.equals(action) ? VOCAB.substring(r.tokens()[next], r.tokens()[next] + 1) : original;
            svg.rect(x, y, BOX, BOX, classOf(action), new Attributes().raw("data-position", Integer.toString(pos)).text("data-action", action)
                    .toString())
                    .text(x + BOX / 2, y + BOX / 2 + (shown.length() > 1 ? 4 : 5),
                            shown.length() > 1 ? "cell-value small" : "cell-value token", shown)
                    .text(x + BOX / 2, y + BOX + 13, "cell-value faint", "→" + original);
            read.append(' ').append(shown.length() > 1 ? "[" + shown + "]" : shown).append("（原字 ").append(original).append('）');
            next++;
        }
        double ly = TOP + rows * ROW + 16;
        Chart.legend(svg, 0, ly, "cell level-4", "[MASK]", true);
        Chart.legend(svg, 84, ly, "cell neg-3", "随机字", true);
        Chart.legend(svg, 160, ly, "cell level-0 selected", "不变", true);
        svg.end();
        Html.appendEscaped(sb.append("<p class=\"sim-numbers\">"), read.append(" [SEP]").toString()).append("</p>");
        sb.append("</div>");

        int[] counts = counts(actions);
        MlmMaskResult many = MlmMask.select(MANY, v[SEED], VOCAB.length(), v[RATE]);
        int[] manyCounts = counts(many.actions());
        int chosen = many.selected().length;
        new Stats(sb)
                .add("本句选中", selected.length + " / " + n + " 个字（比例 " + Html.fixed((double) selected.length / n, 2) + "）",
                        "selected", Integer.toString(selected.length)).brief()
                .add("其中", "[MASK] " + counts[0] + " 个，随机字 " + counts[1] + " 个，不变 " + counts[2] + " 个",
                        "split", counts[0] + " " + counts[1] + " " + counts[2]).brief()
                .add("在 " + MANY + " 个位置上", "选中 " + percent(chosen, MANY) + "；其中 [MASK] " + percent(manyCounts[0], chosen)
                        + "，随机字 " + percent(manyCounts[1], chosen) + "，不变 " + percent(manyCounts[2], chosen),
                        "many", chosen + " " + manyCounts[0] + " " + manyCounts[1] + " " + manyCounts[2])
                .add("说明", "每个字以“选中比例”的概率被选中；选中的字再按 80% / 10% / 10% 变成 [MASK]、随机字或保持不变。"
                        + "只有选中的位置计入 MLM 的损失，[CLS] 和 [SEP] 不参与选取。", null, null)
                .end();
    }

    private static String classOf(String action) {
        return MlmMask.MASK.equals(action) ? "cell level-4" : MlmMask.RANDOM.equals(action) ? "cell neg-3" : "cell level-0 selected";
    }

    /** How many of {@code actions} are mask, random and keep. */
    static int[] counts(String[] actions) {
        int[] counts = new int[3];
        for (String a : actions) {
            counts[MlmMask.MASK.equals(a) ? 0 : MlmMask.RANDOM.equals(a) ? 1 : 2]++;
        }
        return counts;
    }

    private static String percent(int part, int whole) {
        return Html.fixed(whole == 0 ? 0 : 100.0 * part / whole, 1) + "%";
    }

    private static String join(String[] words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            sb.append(i == 0 ? "" : " ").append(words[i]);
        }
        return sb.toString();
    }
}
