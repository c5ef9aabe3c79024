package org.simnotes.sim.widget;

import org.simnotes.sim.Activation;
import org.simnotes.sim.ActivationResult;
import org.simnotes.sim.Erf;
import org.simnotes.simapi.Attributes;
import org.simnotes.simapi.Html;
import org.simnotes.simapi.Param;
import org.simnotes.simapi.SplitMix64;
import org.simnotes.simapi.Stats;
import org.simnotes.simapi.Svg;
import org.simnotes.simapi.Widget;

/**
 * An activation function and its derivative, with the region where the derivative is smaller than τ in
 * absolute value shaded (a saturated or dead region: a gradient passing there shrinks to under τ times),
 * and the share of normal inputs N(0, s²) that land in it: exactly, from the normal CDF, and in a seeded
 * sample.
 */
public final class ActivationWidget implements Widget {
    static final int FN = 0;
    static final int SPREAD = 1;
    static final int TAU = 2;
    static final int SEED = 3;
    static final String[] FUNCTIONS = Activation.names();
    /** Size of the seeded sample. */
    static final int SAMPLES = 200;
    /**
     * The region is found on a grid of step 1/100 over [−20, 20]. Beyond ±20 every function's derivative is
     * within 1e-8 of its limit (0, 1 or the leak α), and τ (0.01 to 0.5) is none of those limits apart from
     * leaky ReLU's constant α, so the region's status at ±20 holds out to infinity.
     */
    static final int HALF = 2000;
    private static final double UNIT = 100;
    private static final double WIDTH = 380;
    private static final double LEFT = 44;
    private static final double RIGHT = WIDTH - 10;
    private static final double PANEL = 100;
    private static final double STRIP = 50;
    /** Room above each panel for its title, clear of the labels of the panel before. */
    private static final double TITLE = 34;
    private static final double TOP1 = 24;
    private static final double TOP2 = TOP1 + PANEL + TITLE;
    private static final double TOP3 = TOP2 + PANEL + TITLE;
    /** Least distance between two labels of the y axis. */
    private static final double LABEL_GAP = 12;
    private static final double POINTS = 240;

    private static final Param[] PARAMS = {
        Param.choice("fn", "激活函数 f", FUNCTIONS, new String[] {"Sigmoid", "tanh", "ReLU", "Leaky ReLU（α = 0.01）",
            "ELU（α = 1）", "GELU", "SiLU（Swish）", "Softplus"}, 0),
        Param.number("spread", "输入的标准差 s", 0.1, 5, 0.1, 2),
        Param.number("tau", "导数阈值 τ", 0.01, 0.5, 0.01, 0.05),
        Param.number("seed", "随机种子", 0, 999_999, 1, 1),
    };

    @Override
    public String name() {
        return "activation";
    }

    @Override
    public String caption() {
        return "换一个激活函数，拖动输入的标准差 s，看有多少输入落进阴影里导数不到 τ 的饱和区或死区。";
    }

    @Override
    public Param[] params() {
        return PARAMS;
    }

    /** The core's derivative at the grid points −20, −19.99, … 20 (0 among them exactly). */
    static double[] gridGradients(String fn) {
        double[] x = new double[2 * HALF + 1];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i - HALF) / UNIT;
        }
        return Activation.apply(fn, x).grad();
    }

    static boolean inRegion(double grad, double tau) {
        return Math.abs(grad) < tau;
    }

    /**
     * The region |f′(x)| < τ as boundaries: the region starts at {@code [0]} and ends at {@code [1]}, then starts
     * again at {@code [2]} …; a region open to the left starts at −∞, one open to the right ends at +∞. Each
     * boundary is found on the grid ({@code g}, from {@link #gridGradients}) and then bisected to double precision.
     */
    static double[] region(String fn, double[] g, double tau) {
        double[] edges = new double[g.length + 2];
        int n = 0;
        if (inRegion(g[0], tau)) {
            edges[n++] = Double.NEGATIVE_INFINITY;
        }
        for (int i = 1; i < g.length; i++) {
            if (inRegion(g[i - 1], tau) != inRegion(g[i], tau)) {
                edges[n++] = boundary(fn, tau, (i - 1 - HALF) / UNIT, (i - HALF) / UNIT);
            }
        }
        if (n % 2 == 1) {
            edges[n++] = Double.POSITIVE_INFINITY;
        }
        double[] out = new double[n];
        System.arraycopy(edges, 0, out, 0, n);
        return out;
    }

    /** The point between {@code a} and {@code b}, whose region status differs, where it changes. */
    private static double boundary(String fn, double tau, double a, double b) {
        boolean left = inRegion(gradAt(fn, a), tau);
        for (int i = 0; i < 60; i++) {
            double mid = (a + b) / 2;
            if (mid == a || mid == b) {
                break;
            }
            if (inRegion(gradAt(fn, mid), tau) == left) {
                a = mid;
            } else {
                b = mid;
            }
        }
        return (a + b) / 2;
    }

    private static double gradAt(String fn, double x) {
        return Activation.apply(fn, new double[] {x}).grad()[0];
    }

    /** Φ(z), the standard normal CDF; Φ(±∞) is 1 or 0. */
    static double normalCdf(double z) {
        return 0.5 * Erf.erfc(-z / Math.sqrt(2));
    }

    /** The probability that x ~ N(0, s²) falls in the region given by {@link #region}. */
    static double share(double[] edges, double s) {
        double p = 0;
        for (int i = 0; i < edges.length; i += 2) {
            p += normalCdf(edges[i + 1] / s) - normalCdf(edges[i] / s);
        }
        return p;
    }

    /** {@link #SAMPLES} draws of N(0, s²) by the Box–Muller transform. */
    static double[] sample(double s, double seed) {
        SplitMix64 rng = SplitMix64.fromSeed(seed);
        double[] x = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            // 1 − u lies in (0, 1], so the logarithm is finite.
            double radius = Math.sqrt(-2 * Math.log(1 - rng.nextDouble()));
            x[i] = s * radius * Math.cos(2 * Math.PI * rng.nextDouble());
        }
        return x;
    }

    /** The half-width of the plotted window: at least 6, and three standard deviations of the input. */
    static double window(double s) {
        return Math.max(6, Math.ceil(3 * s));
    }

    @Override
    public void render(double[] v, StringBuilder sb) {
        String fn = FUNCTIONS[(int) v[FN]];
        double s = v[SPREAD];
        double tau = v[TAU];
        double[] grid = gridGradients(fn);
        double[] edges = region(fn, grid, tau);
        double exact = share(edges, s);
        double[] xs = sample(s, v[SEED]);
        double[] sampleGrad = Activation.apply(fn, xs).grad();
        int hits = 0;
        for (double g : sampleGrad) {
            hits += inRegion(g, tau) ? 1 : 0;
        }
        int top = 0;
        for (int i = 1; i < grid.length; i++) {
            top = grid[i] > grid[top] ? i : top;
        }
        double maxGrad = grid[top];
        // Where a peak lies is worth saying; not where the largest value is a plateau (ReLU) or the edge (softplus).
        String at = top + 1 < grid.length && grid[top + 1] < maxGrad ? "（x = " + signed((top - HALF) / UNIT, 2) + "）" : "";

        sb.append("<div class=\"sim-figures\">");
        chart(sb, fn, PARAMS[FN].choiceLabel((int) v[FN]), s, tau, edges, xs, sampleGrad);
        sb.append("</div>");
        new Stats(sb)
                .add("f′(x) 的最大值", Html.fixed(maxGrad, 3) + at, "maxGrad", Html.exact(maxGrad)).brief()
                .add("阴影区：|f′(x)| < " + Html.fixed(tau, 2), describe(edges), "region", null)
                .add("正态输入落在阴影区的概率", percent(exact), "share", Html.exact(exact)).brief()
                .add(SAMPLES + " 个样本中落在阴影区", hits + " 个（" + percent((double) hits / SAMPLES) + "）",
                        "sampleShare", Html.exact((double) hits / SAMPLES))
                .add("说明", explanation(fn), "note", null)
                .end();
    }

    private static String percent(double p) {
        return Html.fixed(p * 100, 1) + "%";
    }

    /** The region in words: {@code x < −2.89 或 x > 2.89}. */
    private static String describe(double[] edges) {
        if (edges.length == 0) {
            return "无：处处 |f′(x)| ≥ τ";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < edges.length; i += 2) {
            sb.append(i == 0 ? "" : " 或 ");
            boolean from = edges[i] != Double.NEGATIVE_INFINITY;
            boolean to = edges[i + 1] != Double.POSITIVE_INFINITY;
            if (from && to) {
                sb.append(signed(edges[i], 2)).append(" < x < ").append(signed(edges[i + 1], 2));
            } else if (from) {
                sb.append("x > ").append(signed(edges[i], 2));
            } else if (to) {
                sb.append("x < ").append(signed(edges[i + 1], 2));
            } else {
                sb.append("所有 x");
            }
        }
        return sb.toString();
    }

    /** {@code x} to {@code digits} decimals with a true minus sign (0 reached from the left reads 0, not −0). */
    private static String signed(double x, int digits) {
        String text = Html.fixed(x, digits);
        return text.startsWith("-") ? "−" + text.substring(1) : text;
    }

    private static String explanation(String fn) {
        switch (fn) {
            case Activation.SIGMOID:
                return "σ′(x) = σ(x)(1 − σ(x))，两侧都趋于 0：s 越大，越多输入落进两侧的饱和区。";
            case Activation.TANH:
                return "tanh′(x) = 1 − tanh²(x)，两侧都趋于 0：s 越大，越多输入落进两侧的饱和区。";
            case Activation.RELU:
                return "x ≤ 0 时导数恰为 0（死区）：正态输入总有一半落在这里，与 s 无关。";
            case Activation.LEAKY_RELU:
                return "x < 0 时导数为 α = 0.01：τ 大于 0.01 时整个负半轴都算在阴影内，但导数不为 0。";
            case Activation.ELU:
                return "x < 0 时导数为 eˣ，越往左越接近 0。";
            case Activation.GELU:
            case Activation.SILU:
                return "负半轴上导数先变为负值再回到 0，在它穿过 0 的地方附近 |f′(x)| 也小于 τ。";
            default:
                return "导数就是 sigmoid(x)：左侧趋于 0，右侧趋于 1。";
        }
    }

    /**
     * f, f′ and the input's density, one above the other on a common x axis, with the region shaded across
     * all three; the seeded sample is a rug under the density, the draws in the region marked.
     */
    private static void chart(StringBuilder sb, String fn, String label, double s, double tau, double[] edges,
            double[] xs, double[] sampleGrad) {
        double half = window(s);
        double[] px = new double[(int) POINTS + 1];
        for (int i = 0; i < px.length; i++) {
            px[i] = -half + 2 * half * i / POINTS;
        }
        ActivationResult curves = Activation.apply(fn, px);
        double[] fy = curves.y();
        double[] gy = curves.grad();
        double[] density = new double[px.length];
        for (int i = 0; i < px.length; i++) {
            density[i] = Math.exp(-0.5 * (px[i] / s) * (px[i] / s));
        }
        double height = TOP3 + STRIP + 22;
        Svg svg = new Svg(sb, WIDTH, height, "sim-chart", label + " 与它的导数；阴影为 |f′(x)| < τ 的区域",
                new Attributes().text("data-fn", fn).raw("data-region", intervals(edges)).numbers("data-sample", xs).toString());
        for (int i = 0; i < edges.length; i += 2) {
            double a = Math.max(-half, edges[i]);
            double b = Math.min(half, edges[i + 1]);
            if (a < b) {
                svg.rect(xPos(a, half), TOP1, xPos(b, half) - xPos(a, half), TOP3 + STRIP - TOP1, "shade", "");
            }
        }
        panel(svg, "f(x)：" + label, TOP1, px, fy, extent(fy, 0), half, "curve");
        // The lines ±τ are always in view; −τ only matters where the derivative turns negative.
        double[] g = extent(gy, tau);
        boolean negative = g[0] < 0;
        if (negative) {
            g[0] = Math.min(g[0], -tau);
        }
        double[] gRange = panel(svg, "f′(x)（虚线为 " + (negative ? "±τ" : "τ") + "）", TOP2, px, gy, g, half, "curve deriv");
        svg.line(LEFT, yPos(tau, gRange, TOP2), RIGHT, yPos(tau, gRange, TOP2), "threshold");
        if (negative) {
            svg.line(LEFT, yPos(-tau, gRange, TOP2), RIGHT, yPos(-tau, gRange, TOP2), "threshold");
        }
        svg.text(LEFT, TOP3 - 10, "sim-title", "输入 x ~ N(0, s²) 的分布与 " + SAMPLES + " 个样本");
        svg.path("density", curve(px, density, new double[] {0, 1.05}, TOP3, STRIP - 10, half, true));
        StringBuilder inside = new StringBuilder();
        StringBuilder outside = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            if (Math.abs(xs[i]) <= half) {
                StringBuilder d = inRegion(sampleGrad[i], tau) ? inside : outside;
                d.append('M');
                Html.appendCoord(d, xPos(xs[i], half)).append(' ');
                Html.appendCoord(d, TOP3 + STRIP - 8).append("v8");
            }
        }
        svg.path("rug", outside).path("rug hit", inside);
        for (int k = -2; k <= 2; k++) {
            double x = half * k / 2;
            svg.text(xPos(x, half), TOP3 + STRIP + 16, "axis middle", signed(x, x == Math.floor(x) ? 0 : 1));
        }
        svg.end();
    }

    /** The region for the data attribute: {@code from,to} per interval, an open end left empty ({@code ,-2.88 2.88,}). */
    private static String intervals(double[] edges) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < edges.length; i += 2) {
            sb.append(i == 0 ? "" : " ").append(edges[i] == Double.NEGATIVE_INFINITY ? "" : Html.exact(edges[i])).append(',')
                    .append(edges[i + 1] == Double.POSITIVE_INFINITY ? "" : Html.exact(edges[i + 1]));
        }
        return sb.toString();
    }

    /**
     * One panel of height {@link #PANEL}: its title, its frame, the curve, and at the left the largest and
     * smallest value of {@code extent} and 0, each where there is room for it. Returns the range the panel maps,
     * the extent widened a little so the curve clears the frame.
     */
    private static double[] panel(Svg svg, String title, double top, double[] px, double[] py, double[] extent,
            double half, String cls) {
        double pad = Math.max(extent[1] - extent[0], 1e-9) * 0.05;
        double[] range = {extent[0] - pad, extent[1] + pad};
        svg.text(LEFT, top - 10, "sim-title", title);
        svg.line(LEFT, top, LEFT, top + PANEL, "gridline").line(LEFT, top + PANEL, RIGHT, top + PANEL, "gridline");
        double hi = yPos(extent[1], range, top);
        double lo = yPos(extent[0], range, top);
        double zero = yPos(0, range, top);
        svg.text(LEFT - 4, hi + 4, "axis", signed(extent[1], 2));
        boolean zeroInside = extent[0] < 0 && extent[1] > 0;
        if (zeroInside) {
            svg.line(LEFT, zero, RIGHT, zero, "gridline");
        }
        if (zeroInside && zero - hi >= LABEL_GAP && lo - zero >= LABEL_GAP) {
            svg.text(LEFT - 4, zero + 4, "axis", "0");
        }
        if (lo - hi >= LABEL_GAP) {
            svg.text(LEFT - 4, lo + 4, "axis", signed(extent[0], 2));
        }
        svg.path(cls, curve(px, py, range, top, PANEL, half, false));
        return range;
    }

    /** The smallest and largest of {@code values} and {@code also}. */
    private static double[] extent(double[] values, double also) {
        double min = also;
        double max = also;
        for (double value : values) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        return new double[] {min, max};
    }

    /** The curve through the points, or with {@code area} the region between it and the bottom edge. */
    private static StringBuilder curve(double[] px, double[] py, double[] range, double top, double h, double half,
            boolean area) {
        StringBuilder d = new StringBuilder(px.length * 12);
        for (int i = 0; i < px.length; i++) {
            d.append(i == 0 ? 'M' : 'L');
            Html.appendCoord(d, xPos(px[i], half)).append(' ');
            Html.appendCoord(d, top + h - (py[i] - range[0]) / (range[1] - range[0]) * h);
        }
        if (area) {
            d.append('L');
            Html.appendCoord(d, RIGHT).append(' ');
            Html.appendCoord(d, top + h).append('L');
            Html.appendCoord(d, LEFT).append(' ');
            Html.appendCoord(d, top + h).append('z');
        }
        return d;
    }

    private static double xPos(double x, double half) {
        return LEFT + (x + half) / (2 * half) * (RIGHT - LEFT);
    }

    private static double yPos(double y, double[] range, double top) {
        return top + PANEL - (y - range[0]) / (range[1] - range[0]) * PANEL;
    }
}
