/**
 * The API an author implements to put an interactive simulation in a study page. A {@link
 * org.simnotes.simapi.Widget} names its controls ({@link org.simnotes.simapi.Param}) and writes its view as
 * HTML and SVG ({@link org.simnotes.simapi.Svg}, {@link org.simnotes.simapi.Attributes} for the data behind
 * a figure, {@link org.simnotes.simapi.Stats}, {@link org.simnotes.simapi.Html}); the generator runs it on
 * the JVM to pre-render each {@code ```sim} block, and compiles it with TeaVM to WebAssembly (and
 * JavaScript for older browsers) so the page redraws it as the reader moves a control. The same class is
 * unit-tested on the JVM. Random draws come from {@link org.simnotes.simapi.SplitMix64}, which gives the
 * same numbers on the JVM and in the page for the same seed; {@link org.simnotes.simapi.Check} validates
 * numbers with messages a reader can act on.
 *
 * <p>The package has no dependencies, and uses nothing TeaVM lacks: no {@code String.format}, collections
 * or regular expressions, which would also grow every page's download.
 *
 * <h2>A complete widget</h2>
 * <p>Coin flips with a chosen probability of heads: a number parameter, a choice, a seeded draw and an
 * SVG drawing.
 *
 * <pre>{@code
 * package org.example.sims;
 *
 * import org.simnotes.simapi.Html;
 * import org.simnotes.simapi.Param;
 * import org.simnotes.simapi.SplitMix64;
 * import org.simnotes.simapi.Stats;
 * import org.simnotes.simapi.Svg;
 * import org.simnotes.simapi.Widget;
 *
 * public final class CoinWidget implements Widget {
 *     private static final Param[] PARAMS = {
 *         Param.number("p", "Probability of heads", 0, 1, 0.05, 0.5),
 *         Param.number("flips", "Flips", 10, 100, 10, 40),
 *         Param.number("seed", "Seed", 0, 999, 1, 7),
 *         Param.choice("show", "Show", new String[] {"all", "heads"}, new String[] {"All flips", "Heads only"}, 0),
 *     };
 *
 *     public String name() {
 *         return "coin";
 *     }
 *
 *     public String caption() {
 *         return "Move p and watch the share of heads follow it.";
 *     }
 *
 *     public Param[] params() {
 *         return PARAMS;
 *     }
 *
 *     public void render(double[] values, StringBuilder out) {
 *         double p = values[0];
 *         int flips = (int) values[1];
 *         boolean headsOnly = values[3] == 1;
 *         SplitMix64 rng = SplitMix64.fromSeed(values[2]);
 *         Svg svg = new Svg(out, flips * 10, 12, "sim-coin", "Coin flips", "");
 *         int heads = 0;
 *         for (int i = 0; i < flips; i++) {
 *             boolean head = rng.nextDouble() < p;
 *             heads += head ? 1 : 0;
 *             if (head || !headsOnly) {
 *                 svg.circle(i * 10 + 5, 6, 4, head ? "cell level-4" : "cell level-1");
 *             }
 *         }
 *         svg.end();
 *         new Stats(out).add("Share of heads", Html.fixed((double) heads / flips, 2), "share", null).end();
 *     }
 * }
 * }</pre>
 *
 * <p>It is registered by one line, its full class name, in the file
 * {@code META-INF/services/org.simnotes.simapi.Widget} (under {@code src/main/resources} in a Maven project),
 * and embedded in a topic by a block that may set any parameter:
 *
 * <pre>
 * ```sim coin
 * p: 0.3
 * show: heads
 * ```
 * </pre>
 *
 * <p>Its test calls it as the page does, through {@link org.simnotes.simapi.WidgetState}:
 * {@code WidgetState.fromQuery(new CoinWidget(), "p=0.3&seed=7").render()} is the HTML a reader sees for
 * that link. {@link org.simnotes.simapi.Widgets#load} lists the registered widgets.
 */
package org.simnotes.simapi;
