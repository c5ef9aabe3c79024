package org.simnotes.simapi;

import java.util.ServiceLoader;

/**
 * The widgets a topic can embed, by the name written after {@code ```sim}: every {@link Widget} listed in a
 * {@code META-INF/services/org.simnotes.simapi.Widget} file that a class loader sees. TeaVM reads the same
 * files when it compiles the page's code, so the page knows the same widgets as the build.
 */
public final class Widgets {
    private final Widget[] all;

    private Widgets(Widget[] all) {
        this.all = all;
    }

    /**
     * The widgets listed for {@code loader} (TeaVM ignores it and lists those it compiled), in the order of the
     * services files. Two widgets with one name are refused, the message naming both classes: a block could not
     * say which of them it means.
     *
     * @throws IllegalStateException if two widgets share a name
     */
    public static Widgets load(ClassLoader loader) {
        // Arrays grown by hand: a collection class would add to every page's download.
        Widget[] found = new Widget[4];
        int count = 0;
        for (Widget w : ServiceLoader.load(Widget.class, loader)) {
            for (int i = 0; i < count; i++) {
                if (found[i].name().equals(w.name())) {
                    throw new IllegalStateException("two widgets are named '" + w.name() + "': "
                            + found[i].getClass().getName() + " and " + w.getClass().getName());
                }
            }
            if (count == found.length) {
                Widget[] grown = new Widget[count * 2];
                System.arraycopy(found, 0, grown, 0, count);
                found = grown;
            }
            found[count++] = w;
        }
        Widget[] all = new Widget[count];
        System.arraycopy(found, 0, all, 0, count);
        return new Widgets(all);
    }

    /** The widget called {@code name}, or null. */
    public Widget byName(String name) {
        for (Widget w : all) {
            if (w.name().equals(name)) {
                return w;
            }
        }
        return null;
    }

    /** How many widgets there are. */
    public int size() {
        return all.length;
    }

    /** The names, for messages: "dropout, pool, rnn". */
    public String names() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < all.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(all[i].name());
        }
        return sb.toString();
    }
}
