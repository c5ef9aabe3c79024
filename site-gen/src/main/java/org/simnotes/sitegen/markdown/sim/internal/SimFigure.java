package org.simnotes.sitegen.markdown.sim.internal;

import com.vladsch.flexmark.util.sequence.Escaping;
import org.simnotes.simapi.Param;
import org.simnotes.simapi.Widget;
import org.simnotes.simapi.WidgetState;

/**
 * The HTML of a widget: a labelled control for every parameter (hidden until the page's script can
 * make them work), the view for the block's values, a status line for screen readers that the page's
 * script fills with what each change did, and a line saying what computed it.
 */
final class SimFigure {
    private SimFigure() {
    }

    static String html(String id, Widget widget, WidgetState state) {
        Param[] params = widget.params();
        double[] values = state.values();
        StringBuilder sb = new StringBuilder();
        sb.append("<figure class=\"sim\" id=\"").append(id).append("\" data-sim=\"").append(widget.name())
                .append("\" data-default=\"").append(esc(state.query())).append("\">\n");
        sb.append("<figcaption>").append(esc(widget.caption())).append("</figcaption>\n");
        sb.append("<form class=\"sim-controls\" hidden>\n");
        for (int i = 0; i < params.length; i++) {
            control(sb, id + "-" + params[i].key(), params[i], values[i]);
        }
        sb.append("</form>\n");
        // The view is redrawn whole on every change; only the short status line beside it is announced.
        sb.append("<div class=\"sim-view\">").append(state.render()).append("</div>\n");
        sb.append("<p class=\"sim-status\" role=\"status\"></p>\n");
        sb.append("<p class=\"sim-runtime\">构建时由 JVM 预先计算的默认状态</p>\n");
        sb.append("</figure>");
        return sb.toString();
    }

    private static void control(StringBuilder sb, String inputId, Param p, double value) {
        sb.append("<div class=\"sim-control\"><label for=\"").append(inputId).append("\">").append(esc(p.label())).append("</label>");
        if (p.isChoice()) {
            sb.append("<select id=\"").append(inputId).append("\" name=\"").append(p.key()).append("\">");
            for (int c = 0; c < p.choiceCount(); c++) {
                sb.append("<option value=\"").append(esc(p.choice(c))).append('"').append(c == (int) value ? " selected" : "")
                        .append('>').append(esc(p.choiceLabel(c))).append("</option>");
            }
            sb.append("</select>");
        } else if (p.key().equals("seed")) {
            sb.append("<input type=\"number\" id=\"").append(inputId).append("\" name=\"seed\"")
                    .append(range(p, value)).append("><button type=\"button\" data-action=\"resample\">重新采样</button>");
        } else {
            sb.append("<input type=\"range\" id=\"").append(inputId).append("\" name=\"").append(p.key()).append('"')
                    .append(range(p, value)).append("><output for=\"").append(inputId).append("\">")
                    .append(p.format(value)).append("</output>");
        }
        sb.append("</div>\n");
    }

    private static String range(Param p, double value) {
        return " min=\"" + p.format(p.min()) + "\" max=\"" + p.format(p.max()) + "\" step=\"" + p.format(p.step())
                + "\" value=\"" + p.format(value) + "\"";
    }

    private static String esc(String s) {
        return Escaping.escapeHtml(s, false);
    }
}
