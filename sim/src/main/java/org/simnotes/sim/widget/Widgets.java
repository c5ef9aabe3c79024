package org.simnotes.sim.widget;

/** The widgets a topic can embed, by the name written after {@code ```sim}. */
public final class Widgets {
    private static final Widget[] ALL = {new DropoutWidget(), new PoolWidget(), new RnnWidget()};

    private Widgets() {
    }

    /** The widget called {@code name}, or null. */
    public static Widget byName(String name) {
        for (Widget w : ALL) {
            if (w.name().equals(name)) {
                return w;
            }
        }
        return null;
    }

    /** The names, for messages: "dropout, pool, rnn". */
    public static String names() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ALL.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(ALL[i].name());
        }
        return sb.toString();
    }
}
