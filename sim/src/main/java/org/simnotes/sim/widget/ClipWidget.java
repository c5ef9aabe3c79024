package org.simnotes.sim.widget;

import org.simnotes.sim.ClipResult;
import org.simnotes.sim.GradientClip;
import org.simnotes.simapi.Attributes;
import org.simnotes.simapi.Html;
import org.simnotes.simapi.Param;
import org.simnotes.simapi.Stats;
import org.simnotes.simapi.Svg;
import org.simnotes.simapi.Widget;

/**
 * One 2-D gradient clipped both ways, as arrows: by value each component is cut to [−c, c], which can turn the
 * arrow; by norm the arrow is shortened to length c, which keeps its direction.
 */
public final class ClipWidget implements Widget {
    static final int G1 = 0;
    static final int G2 = 1;
    static final int THRESHOLD = 2;
    /** The plot's half-width in gradient units: every component the sliders allow, with room for the arrowhead. */
    private static final double REACH = 10.5;
    private static final double PLOT = 240;
    private static final double TOP = 22;
    private static final double UNIT = PLOT / 2 / REACH;

    private static final Param[] PARAMS = {
        Param.number("g1", "梯度分量 g₁", -10, 10, 0.5, 8),
        Param.number("g2", "梯度分量 g₂", -10, 10, 0.5, 3),
        Param.number("threshold", "阈值 c", 0.5, 10, 0.5, 5),
    };

    @Override
    public String name() {
        return "clip";
    }

    @Override
    public String caption() {
        return "拖动 g₁、g₂ 和阈值 c：虚线箭头是原梯度，实线箭头是裁剪后的梯度。看按值裁剪什么时候改变箭头的方向，按范数裁剪是否只改变长度。";
    }

    @Override
    public Param[] params() {
        return PARAMS;
    }

    /** The gradient the controls set. */
    private static double[] gradient(double[] v) {
        return new double[] {v[G1], v[G2]};
    }

    /** The gradient clipped in {@code mode}, {@link GradientClip#VALUE} or {@link GradientClip#NORM}. */
    private static ClipResult clip(double[] v, String mode) {
        return GradientClip.clip(mode, v[THRESHOLD], gradient(v));
    }

    @Override
    public void render(double[] v, StringBuilder sb) {
        double[] g = gradient(v);
        double c = v[THRESHOLD];
        ClipResult byValue = clip(v, GradientClip.VALUE);
        ClipResult byNorm = clip(v, GradientClip.NORM);
        String limit = Html.fixed(c, c == Math.floor(c) ? 0 : 1);
        sb.append("<div class=\"sim-figures\">");
        panel(sb, GradientClip.VALUE, "按值裁剪：每个分量截到 [−" + limit + ", " + limit + "]", g, byValue.clipped(), c);
        panel(sb, GradientClip.NORM, "按范数裁剪：‖g‖ 超过 " + limit + " 时缩放到 " + limit, g, byNorm.clipped(), c);
        sb.append("</div>");
        new Stats(sb)
                .add("裁剪前", describe(g, byValue.normBefore()), "normBefore", Html.exact(byValue.normBefore())).brief()
                .add("按值裁剪后", describe(byValue.clipped(), byValue.normAfter()), "valueNormAfter", Html.exact(byValue.normAfter()))
                .add("按值裁剪，方向转了", turn(g, byValue.clipped()), "valueTurn", exactTurn(g, byValue.clipped())).brief()
                .add("按范数裁剪后", describe(byNorm.clipped(), byNorm.normAfter()), "normNormAfter", Html.exact(byNorm.normAfter()))
                .add("按范数裁剪，方向转了", turn(g, byNorm.clipped()), "normTurn", exactTurn(g, byNorm.clipped()))
                .end();
    }

    /** One mode's plot: the axes, the region the clipped gradient must lie in, and the arrows before and after. */
    private static void panel(StringBuilder out, String mode, String title, double[] g, double[] clipped, double c) {
        boolean byValue = GradientClip.VALUE.equals(mode);
        Svg svg = new Svg(out, PLOT, PLOT + TOP, "sim-plane", title + "（虚线为原梯度，实线为裁剪后）",
                new Attributes().text("data-mode", mode).numbers("data-values", clipped).toString());
        svg.text(0, 14, "sim-title", title);
        double o = PLOT / 2;
        double oy = TOP + PLOT / 2;
        svg.line(0, oy, PLOT, oy, "gridline").line(o, TOP, o, TOP + PLOT, "gridline");
        svg.text(PLOT - 2, oy - 4, "axis", "g₁").text(o - 4, TOP + 12, "axis", "g₂");
        if (byValue) {
            svg.rect(o - c * UNIT, oy - c * UNIT, 2 * c * UNIT, 2 * c * UNIT, "bound", "");
        } else {
            svg.circle(o, oy, c * UNIT, "bound");
        }
        arrow(svg, o, oy, g, "vector before");
        arrow(svg, o, oy, clipped, "vector after");
        svg.end();
    }

    /** An arrow from the origin to {@code g}: a shaft, and a head that shrinks with short arrows. */
    private static void arrow(Svg svg, double ox, double oy, double[] g, String cls) {
        double dx = g[0] * UNIT;
        double dy = -g[1] * UNIT;
        double len = Math.sqrt(dx * dx + dy * dy);
        if (len == 0) {
            return;
        }
        double ux = dx / len;
        double uy = dy / len;
        double head = Math.min(10, len * 0.5);
        double bx = ox + dx - ux * head;
        double by = oy + dy - uy * head;
        svg.line(ox, oy, bx, by, cls);
        StringBuilder d = new StringBuilder("M");
        Html.appendCoord(d, ox + dx).append(' ');
        Html.appendCoord(d, oy + dy).append('L');
        Html.appendCoord(d, bx - uy * head * 0.45).append(' ');
        Html.appendCoord(d, by + ux * head * 0.45).append('L');
        Html.appendCoord(d, bx + uy * head * 0.45).append(' ');
        Html.appendCoord(d, by - ux * head * 0.45).append('Z');
        svg.path(cls + " head", d);
    }

    /** {@code g}, its norm and its direction from the g₁ axis, counter-clockwise. */
    private static String describe(double[] g, double norm) {
        return "(" + Html.fixed(g[0], 2) + ", " + Html.fixed(g[1], 2) + ")，‖g‖ = " + Html.fixed(norm, 3)
                + (g[0] == 0 && g[1] == 0 ? "，零向量没有方向" : "，方向 " + Html.fixed(Math.toDegrees(Math.atan2(g[1], g[0])), 1) + "°");
    }

    /** The angle between {@code a} and {@code b} in degrees, 0 to 180; NaN when either has no direction. */
    private static double angle(double[] a, double[] b) {
        if ((a[0] == 0 && a[1] == 0) || (b[0] == 0 && b[1] == 0)) {
            return Double.NaN;
        }
        return Math.toDegrees(Math.abs(Math.atan2(a[0] * b[1] - a[1] * b[0], a[0] * b[0] + a[1] * b[1])));
    }

    private static String turn(double[] a, double[] b) {
        double deg = angle(a, b);
        return deg != deg ? "—（零向量没有方向）" : Html.fixed(deg, 1) + "°";
    }

    private static String exactTurn(double[] a, double[] b) {
        double deg = angle(a, b);
        return deg != deg ? null : Html.exact(deg);
    }
}
