package org.simnotes.sim.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.simnotes.simapi.Param;
import org.simnotes.simapi.Widget;
import org.simnotes.simapi.Widgets;

/** Which widgets a topic can embed: those the services files list, each name once. */
class WidgetsTest {
    private final ClassLoader classPath = WidgetsTest.class.getClassLoader();

    @Test
    void theServicesFileListsTheBuiltInWidgets() {
        Widgets widgets = Widgets.load(classPath);
        assertEquals("dropout, pool, rnn, deep, clip, norm, activation, shift, mask, attention, posenc, parallel, lstm, gru, embedding", widgets.names());
        assertInstanceOf(DropoutWidget.class, widgets.byName("dropout"));
        assertInstanceOf(PoolWidget.class, widgets.byName("pool"));
        assertInstanceOf(RnnWidget.class, widgets.byName("rnn"));
        assertInstanceOf(DeepWidget.class, widgets.byName("deep"));
        assertInstanceOf(ClipWidget.class, widgets.byName("clip"));
        assertInstanceOf(NormWidget.class, widgets.byName("norm"));
        assertInstanceOf(ActivationWidget.class, widgets.byName("activation"));
        assertInstanceOf(ShiftWidget.class, widgets.byName("shift"));
        assertNull(widgets.byName("Pool"), "names are matched exactly");
    }

    @Test
    void anAuthorsWidgetIsFoundBesideTheBuiltIns(@TempDir Path dir) throws IOException {
        Widgets widgets = Widgets.load(listing(dir, Coin.class));
        assertEquals("dropout, pool, rnn, deep, clip, norm, activation, shift, mask, attention, posenc, parallel, lstm, gru, embedding, coin", widgets.names());
        assertInstanceOf(Coin.class, widgets.byName("coin"));
    }

    @Test
    void twoWidgetsWithOneNameAreRefusedNamingBothClasses(@TempDir Path dir) throws IOException {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Widgets.load(listing(dir, SecondPool.class)));
        assertEquals("two widgets are named 'pool': org.simnotes.sim.widget.PoolWidget and "
                + "org.simnotes.sim.widget.WidgetsTest$SecondPool", e.getMessage());
    }

    /** The class path plus a services file, in {@code dir}, that lists {@code widget}, as an author's jar would. */
    private ClassLoader listing(Path dir, Class<? extends Widget> widget) throws IOException {
        Path services = dir.resolve("META-INF/services/" + Widget.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, widget.getName() + "\n");
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, classPath);
    }

    /** A widget of an author's own. */
    public static final class Coin extends Blank {
        @Override
        public String name() {
            return "coin";
        }
    }

    /** A widget that takes a built-in's name. */
    public static final class SecondPool extends Blank {
        @Override
        public String name() {
            return "pool";
        }
    }

    /** A widget with no controls and an empty view: only its name matters here. */
    abstract static class Blank implements Widget {
        @Override
        public String caption() {
            return "";
        }

        @Override
        public Param[] params() {
            return new Param[0];
        }

        @Override
        public void render(double[] values, StringBuilder out) {
        }
    }
}
