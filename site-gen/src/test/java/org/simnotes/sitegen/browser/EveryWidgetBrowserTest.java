package org.simnotes.sitegen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.simnotes.simapi.Param;
import org.simnotes.simapi.Widget;
import org.simnotes.simapi.WidgetState;
import org.simnotes.simapi.Widgets;
import org.simnotes.sitegen.TestSite;

/**
 * Every simulation figure of the study guide in content/, found in the built pages rather than named,
 * shows in Chromium exactly what the same widget renders on the JVM: in WebAssembly and in the
 * JavaScript fallback, over http and from file://. For each figure: the default view, states set through
 * the address ({@code #sim-pool?mode=avg&…}) with values drawn from its parameters, and each control moved
 * by one key press, which must change the state the way the JVM does and, for one control at least, what
 * is drawn. Views are compared by {@link SameView}.
 */
@NeedsBrowser
class EveryWidgetBrowserTest {
    private static final Widgets WIDGETS = Widgets.load(EveryWidgetBrowserTest.class.getClassLoader());
    /** States drawn at random for each figure, in the two runs that draw them. */
    private static final int RANDOM_STATES = 6;
    /** Sets the address's fragment and answers the figure's view once the page has handled the change. */
    private static final String SHOW_ADDRESS = """
            var figure = arguments[0], hash = arguments[1], done = arguments[arguments.length - 1];
            function shown() {
              if (location.hash !== hash) return;
              window.removeEventListener('hashchange', shown);
              done(figure.querySelector('.sim-view').innerHTML);
            }
            window.addEventListener('hashchange', shown);
            // The same fragment again would be no navigation at all, so no event: leave it first.
            if (location.hash === hash) location.hash = '#';
            location.hash = hash;
            """;

    private static List<SiteFigure> figures;
    private static SiteOrigin http;
    private static SiteOrigin file;
    private static Browser browser;

    @BeforeAll
    static void start() throws IOException {
        Path site = TestSite.site(TestSite.projectRoot().resolve("content"));
        figures = SiteFigure.all(site);
        http = SiteOrigin.open("http", site);
        file = SiteOrigin.open("file", site);
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
        http.close();
        file.close();
    }

    @Test
    void theGuideEmbedsWidgetsThatExist() {
        assertFalse(figures.isEmpty(), "the study guide has simulation figures");
        for (SiteFigure f : figures) {
            assertNotNull(WIDGETS.byName(f.widget()), f.page() + "#" + f.id() + ": widget '" + f.widget() + "' is on the class path");
        }
    }

    @TestFactory
    Stream<DynamicContainer> everyFigureShowsWhatTheJvmRenders() {
        return Stream.of(
                run("WebAssembly over http", http, "wasm", RANDOM_STATES),
                run("JavaScript over http", http, "js", 0),
                run("WebAssembly from file", file, "wasm", 0),
                run("JavaScript from file", file, "js", RANDOM_STATES));
    }

    private static DynamicContainer run(String name, SiteOrigin origin, String runtime, int randomStates) {
        return DynamicContainer.dynamicContainer(name, SiteFigure.pages(figures).stream().map(page ->
                DynamicTest.dynamicTest(page, () -> checkPage(origin, page, runtime, randomStates))));
    }

    /** One page load, every figure on it checked; all the differences found are reported together. */
    private static void checkPage(SiteOrigin origin, String page, String runtime, int randomStates) {
        browser.consoleErrors();
        browser.open(origin.url(page + (runtime.equals("js") ? "?sim-runtime=js" : "")));
        browser.waiting(30).until(d -> (Boolean) browser.js("return Array.prototype.every.call("
                + "document.querySelectorAll('figure.sim'), function (f) { return f.hasAttribute('data-runtime'); })"));
        List<String> problems = new ArrayList<>();
        for (SiteFigure f : figures) {
            if (!f.page().equals(page)) {
                continue;
            }
            WebElement figure = browser.driver().findElement(By.id(f.id()));
            Widget widget = WIDGETS.byName(f.widget());
            String ran = figure.getAttribute("data-runtime");
            if (!runtime.equals(ran)) {
                problems.add(f.id() + ": ran on " + ran + ", not " + runtime);
            }
            compare(problems, f, widget, f.defaults(), view(figure));
            Random random = new Random((page + f.id() + runtime).hashCode());
            for (int i = 0; i < randomStates; i++) {
                String query = randomQuery(widget, random);
                String notes = WidgetState.fromQuery(widget, query).notes();
                if (!notes.isEmpty()) {
                    problems.add(f.id() + ": the drawn state " + query + " is refused: " + notes);
                }
                compare(problems, f, widget, query,
                        (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript(SHOW_ADDRESS, figure, "#" + f.id() + "?" + query));
            }
            driveControls(problems, f, widget, figure);
        }
        for (String error : browser.consoleErrors()) {
            problems.add("console: " + error);
        }
        assertEquals(List.of(), problems, runtime + " " + origin.url(page));
    }

    private static void compare(List<String> problems, SiteFigure f, Widget widget, String query, String pageView) {
        String difference = SameView.difference(WidgetState.fromQuery(widget, query).render(), pageView);
        if (difference != null) {
            problems.add(f.id() + "?" + query + ": " + difference);
        }
    }

    /** A value for each parameter, drawn from its range in its steps or from its choices. */
    static String randomQuery(Widget widget, Random random) {
        StringBuilder query = new StringBuilder();
        for (Param p : widget.params()) {
            query.append(query.length() == 0 ? "" : "&").append(p.key()).append('=');
            if (p.isChoice()) {
                query.append(p.choice(random.nextInt(p.choiceCount())));
            } else {
                long steps = Math.round((p.max() - p.min()) / p.step());
                BigDecimal value = BigDecimal.valueOf(p.min())
                        .add(BigDecimal.valueOf(p.step()).multiply(BigDecimal.valueOf(random.nextLong(steps + 1))));
                query.append(value.stripTrailingZeros().toPlainString());
            }
        }
        return query.toString();
    }

    /**
     * Presses one arrow key on each control a step can move (up, or down from the top): the page must
     * then show the JVM's view of the previous state with that one value changed, and put it in the
     * address; one press at least must change what is drawn, not only the state.
     */
    private static void driveControls(List<String> problems, SiteFigure f, Widget widget, WebElement figure) {
        boolean drawingChanged = false;
        for (Param p : widget.params()) {
            WebElement control = figure.findElement(By.cssSelector(".sim-controls [name=\"" + p.key() + "\"]"));
            String before = query(figure);
            String drawnBefore = drawing(figure);
            Press press = p.isChoice() ? choicePress(p, control) : numberPress(p, control);
            if (press == null) {
                continue;
            }
            String expected = replace(before, p.key(), press.value());
            String settled = WidgetState.fromQuery(widget, expected).query();
            control.sendKeys(press.key());
            // A value the other values clamp back (a window larger than the grid) leaves the state as it was.
            if (!settled.equals(before)) {
                try {
                    browser.waiting(5).until(d -> !query(figure).equals(before));
                } catch (TimeoutException e) {
                    problems.add(f.id() + "?" + before + ": " + press.key().name() + " on " + p.key() + " changed nothing");
                    continue;
                }
            }
            compare(problems, f, widget, expected, view(figure));
            String address = "#" + f.id() + "?" + settled;
            if (!browser.driver().getCurrentUrl().endsWith(address)) {
                problems.add(f.id() + ": after " + p.key() + "=" + press.value() + " the address is "
                        + browser.driver().getCurrentUrl() + ", not …" + address);
            }
            drawingChanged |= !drawing(figure).equals(drawnBefore);
        }
        if (!drawingChanged) {
            problems.add(f.id() + ": no control changed what is drawn");
        }
    }

    /** A key and the value the control should then hold. */
    private record Press(Keys key, String value) {
    }

    private static Press choicePress(Param p, WebElement select) {
        int at = ((Number) browser.js("return arguments[0].selectedIndex", select)).intValue();
        return at + 1 < p.choiceCount() ? new Press(Keys.ARROW_DOWN, p.choice(at + 1))
                : at > 0 ? new Press(Keys.ARROW_UP, p.choice(at - 1)) : null;
    }

    /** A slider moves by the arrows right and left, the seed's number box by up and down; both within the control's current bounds. */
    private static Press numberPress(Param p, WebElement input) {
        boolean slider = "range".equals(input.getAttribute("type"));
        BigDecimal value = new BigDecimal((String) browser.js("return arguments[0].value", input));
        BigDecimal step = BigDecimal.valueOf(p.step());
        BigDecimal up = value.add(step);
        BigDecimal down = value.subtract(step);
        if (up.compareTo(new BigDecimal((String) browser.js("return arguments[0].max", input))) <= 0) {
            return new Press(slider ? Keys.ARROW_RIGHT : Keys.ARROW_UP, up.stripTrailingZeros().toPlainString());
        }
        if (down.compareTo(new BigDecimal((String) browser.js("return arguments[0].min", input))) >= 0) {
            return new Press(slider ? Keys.ARROW_LEFT : Keys.ARROW_DOWN, down.stripTrailingZeros().toPlainString());
        }
        return null;
    }

    private static String replace(String query, String key, String value) {
        StringBuilder sb = new StringBuilder();
        for (String pair : query.split("&")) {
            sb.append(sb.length() == 0 ? "" : "&").append(pair.startsWith(key + "=") ? key + "=" + value : pair);
        }
        return sb.toString();
    }

    private static String view(WebElement figure) {
        return (String) browser.js("return arguments[0].querySelector('.sim-view').innerHTML", figure);
    }

    /** What is drawn, without the state's own attributes. */
    private static String drawing(WebElement figure) {
        return (String) browser.js("return arguments[0].querySelector('.sim-state').innerHTML", figure);
    }

    private static String query(WebElement figure) {
        return (String) browser.js("return arguments[0].querySelector('.sim-state').getAttribute('data-query')", figure);
    }
}
