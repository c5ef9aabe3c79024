package org.simnotes.simapi;

/**
 * A widget's control values read from a link ({@code keepProb=0.3&seed=7}). Whatever a reader puts
 * there, the result is valid: an unknown, malformed or out-of-range value is replaced by the default
 * and named in {@link #notes()}, which the page shows.
 */
public final class WidgetState {
    /**
     * Room for the largest view (about 28,000 characters, a third of them the names a screen reader reads
     * for a 10×10 grid of choices), so the buffer is never copied to grow.
     */
    private static final int VIEW_CAPACITY = 32_000;
    /**
     * The length of the last view rendered. The next buffer is made a little larger: a widget redrawn as a
     * reader moves a control fills it without copying, and a small view does not clear a buffer the size of
     * the largest (in the page that cost a sixth of a 5,000-character view). Only a size to start from, so
     * the JVM's threads may overwrite each other's.
     */
    private static int lastLength = VIEW_CAPACITY;
    /** The longest query read: over ten times the longest a widget writes (about 70 characters). */
    public static final int MAX_QUERY_LENGTH = 1000;
    private final Widget widget;
    private final double[] values;
    private final String notes;

    private WidgetState(Widget widget, double[] values, String notes) {
        this.widget = widget;
        this.values = values;
        this.notes = notes;
    }

    /** Every parameter at its default, settled. */
    public static WidgetState defaults(Widget widget) {
        Param[] params = widget.params();
        double[] values = new double[params.length];
        for (int i = 0; i < params.length; i++) {
            values[i] = params[i].fallback();
        }
        return new WidgetState(widget, widget.settle(values), "");
    }

    /**
     * Reads {@code query}; never throws. Values a reader cannot have meant are reported in the notes,
     * once per parameter. A query longer than {@link #MAX_QUERY_LENGTH} is not read at all: the page
     * passes the address as it is, and no view needs more.
     */
    public static WidgetState fromQuery(Widget widget, String query) {
        Param[] params = widget.params();
        double[] values = defaults(widget).values;
        String text = query == null ? "" : query;
        if (text.length() > MAX_QUERY_LENGTH) {
            return new WidgetState(widget, values, "链接中的参数有 " + text.length() + " 个字符，超过上限 "
                    + MAX_QUERY_LENGTH + "，已全部改用默认值");
        }
        StringBuilder notes = new StringBuilder();
        boolean[] noted = new boolean[params.length];
        // Split by hand, each pair read where it lies: String.split would pull a regular-expression engine
        // into the page's build, and cutting the rest off at each step would copy it again every time.
        for (int start = 0; start < text.length();) {
            int amp = text.indexOf('&', start);
            int end = amp < 0 ? text.length() : amp;
            int keyEnd = start;
            while (keyEnd < end && text.charAt(keyEnd) != '=') {
                keyEnd++;
            }
            String key = text.substring(start, keyEnd);
            String raw = keyEnd == end ? "" : text.substring(keyEnd + 1, end);
            start = end + 1;
            int i = indexOf(params, key);
            if (i < 0) {
                continue;
            }
            try {
                values[i] = params[i].parse(raw);
            } catch (SimException e) {
                if (!noted[i]) {
                    noted[i] = true;
                    notes.append(notes.length() == 0 ? "" : "；")
                            .append("参数 ").append(key).append("=").append(shorten(raw))
                            .append(" 无效，已改用默认值 ").append(params[i].format(params[i].fallback()));
                }
            }
        }
        return new WidgetState(widget, widget.settle(values), notes.toString());
    }

    /** The values, one per parameter, valid and settled (a copy). */
    public double[] values() {
        return values.clone();
    }

    /** What was wrong with the query and replaced, for the reader; empty when nothing was. */
    public String notes() {
        return notes;
    }

    /** The values written back as a query, in parameter order. */
    public String query() {
        Param[] params = widget.params();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < params.length; i++) {
            sb.append(i == 0 ? "" : "&").append(params[i].key()).append('=').append(params[i].format(values[i]));
        }
        return sb.toString();
    }

    /** The view with the state's notes above it and its query on the root, for the page to sync. */
    public String render() {
        StringBuilder sb = new StringBuilder(lastLength + lastLength / 8 + 64);
        sb.append("<div class=\"sim-state\" data-query=\"").append(Html.escape(query()))
                .append("\" data-limits=\"").append(widget.limits(values)).append("\">");
        if (!notes.isEmpty()) {
            sb.append("<p class=\"sim-note\" role=\"status\">").append(Html.escape(notes)).append("</p>");
        }
        widget.render(values, sb);
        sb.append("</div>");
        lastLength = sb.length();
        return sb.toString();
    }

    static int indexOf(Param[] params, String key) {
        for (int i = 0; i < params.length; i++) {
            if (params[i].key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static String shorten(String raw) {
        return raw.length() > 24 ? raw.substring(0, 24) + "…" : raw;
    }
}
