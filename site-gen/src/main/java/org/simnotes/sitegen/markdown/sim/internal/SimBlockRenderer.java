package org.simnotes.sitegen.markdown.sim.internal;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.simnotes.simapi.SimException;
import org.simnotes.simapi.Param;
import org.simnotes.simapi.Widget;
import org.simnotes.simapi.WidgetState;
import org.simnotes.simapi.Widgets;
import org.simnotes.sitegen.markdown.RenderScope;
import org.simnotes.sitegen.markdown.sim.SimBlockExtension;
import org.simnotes.sitegen.sims.GuardedCall;

/**
 * Writes a sim block as a figure: caption, controls (shown once the script runs), and the view the
 * JVM computes now from the block's parameters. Each fault names the line of the block it is on.
 */
public final class SimBlockRenderer implements NodeRenderer {
    /** Widgets per page so far, to give a second widget of a kind its own id. */
    private final Map<String, Integer> seen = new HashMap<>();

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(new NodeRenderingHandler<>(FencedCodeBlock.class, this::render));
    }

    private void render(FencedCodeBlock node, NodeRendererContext ctx, HtmlWriter html) {
        if (!SimBlockExtension.isSim(node)) {
            ctx.delegateRender();
            return;
        }
        RenderScope scope = RenderScope.of(node);
        String name = node.getInfo().toString().strip().substring(SimBlockExtension.INFO_PREFIX.length()).strip();
        Widgets widgets = scope.widgets();
        Widget widget = widgets.byName(name);
        if (widget == null) {
            scope.error(node, "unknown simulation '" + name + "' after ```sim: expected one of " + widgets.names());
            return;
        }
        int n = seen.merge(name, 1, Integer::sum);
        String id = "sim-" + name + (n == 1 ? "" : "-" + n);
        String figure;
        try {
            // The widget's code may be the author's: it runs guarded, and a fault names this block.
            figure = GuardedCall.call(() -> figure(node, widget, id, scope), GuardedCall.LIMIT_SECONDS);
        } catch (GuardedCall.Failure e) {
            scope.error(node, "sim " + name + ": the widget " + e.getMessage());
            return;
        }
        if (figure != null) {
            scope.anchor(id);
            html.line().raw(scope.verbatim(figure)).line();
        }
    }

    /** The figure for the block's values; null when they are wrong, each fault reported at its line. */
    private static String figure(FencedCodeBlock node, Widget widget, String id, RenderScope scope) {
        Map<String, String> written = parameters(node, widget, scope);
        if (written == null) {
            return null;
        }
        StringBuilder query = new StringBuilder();
        written.forEach((k, v) -> query.append(query.length() == 0 ? "" : "&").append(k).append('=').append(v));
        WidgetState state = WidgetState.fromQuery(widget, query.toString());
        if (!checkFits(node, widget, written, state, scope)) {
            return null;
        }
        return SimFigure.html(id, widget, state);
    }

    /** The block's {@code key: value} lines, each checked; null when any is wrong. */
    private static Map<String, String> parameters(FencedCodeBlock node, Widget widget, RenderScope scope) {
        Map<String, String> values = new LinkedHashMap<>();
        boolean ok = true;
        int firstLine = scope.lineOf(node) + 1;
        String[] lines = node.getContentChars().toString().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            int lineNo = firstLine + i;
            if (colon < 0) {
                scope.problems().error(scope.file(), lineNo, "sim " + widget.name() + ": expected 'key: value', found '" + line + "'");
                ok = false;
                continue;
            }
            String key = line.substring(0, colon).strip();
            String raw = line.substring(colon + 1).strip();
            Param param = find(widget, key);
            if (param == null) {
                scope.problems().error(scope.file(), lineNo, "sim " + widget.name() + ": unknown parameter '" + key
                        + "', expected one of " + keys(widget));
                ok = false;
            } else if (values.containsKey(key)) {
                scope.problems().error(scope.file(), lineNo, "sim " + widget.name() + ": parameter '" + key + "' is given twice");
                ok = false;
            } else {
                try {
                    values.put(key, param.format(param.parse(raw)));
                } catch (SimException e) {
                    scope.problems().error(scope.file(), lineNo, "sim " + widget.name() + ": " + e.getMessage());
                    ok = false;
                }
            }
        }
        return ok ? values : null;
    }

    /** Values each in range can still clash (padding larger than half the window); say which. */
    private static boolean checkFits(FencedCodeBlock node, Widget widget, Map<String, String> written, WidgetState state,
                                     RenderScope scope) {
        Param[] params = widget.params();
        double[] settled = state.values();
        boolean ok = true;
        for (int i = 0; i < params.length; i++) {
            String mine = written.get(params[i].key());
            if (mine != null && !mine.equals(params[i].format(settled[i]))) {
                scope.error(node, "sim " + widget.name() + ": " + params[i].key() + " " + mine
                        + " does not fit the other parameters; at most " + params[i].format(settled[i]) + " here");
                ok = false;
            }
        }
        return ok;
    }

    private static Param find(Widget widget, String key) {
        for (Param p : widget.params()) {
            if (p.key().equals(key)) {
                return p;
            }
        }
        return null;
    }

    private static String keys(Widget widget) {
        StringBuilder sb = new StringBuilder();
        for (Param p : widget.params()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(p.key());
        }
        return sb.toString();
    }
}
