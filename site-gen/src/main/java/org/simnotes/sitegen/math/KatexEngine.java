package org.simnotes.sitegen.math;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * KaTeX run inside the JVM by GraalJS, so formulas become static HTML at build time. Starting it costs
 * about two seconds, which is why {@link MathRenderer} asks it only for formulas not in the cache.
 * A GraalJS context is single-threaded, so calls are serialised.
 */
final class KatexEngine implements AutoCloseable {
    static final String VERSION = "0.16.47";
    static final String DIST = "META-INF/resources/webjars/katex/" + VERSION + "/dist/";

    private final Engine engine;
    private final Context context;
    private final Value render;

    KatexEngine() {
        engine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
        context = Context.newBuilder("js").engine(engine).build();
        try (InputStream in = KatexEngine.class.getClassLoader().getResourceAsStream(DIST + "katex.min.js")) {
            if (in == null) {
                throw new IllegalStateException("KaTeX " + VERSION + " is missing from the class path");
            }
            Source source = Source.newBuilder("js", new InputStreamReader(in, StandardCharsets.UTF_8), "katex.min.js")
                    .cached(true).build();
            context.eval(source);
            render = context.eval("js", "(tex, display) => katex.renderToString(tex, "
                    + "{displayMode: display, throwOnError: true, output: 'htmlAndMathml', strict: 'ignore'})");
        } catch (IOException e) {
            throw new IllegalStateException("cannot load KaTeX: " + e.getMessage(), e);
        }
    }

    synchronized String render(String tex, boolean display) throws MathException {
        try {
            return render.execute(tex, display).asString();
        } catch (PolyglotException e) {
            if (e.isGuestException()) {
                throw new MathException(e.getMessage().replaceFirst("^(ParseError|Error): ", ""));
            }
            throw e;
        }
    }

    @Override
    public synchronized void close() {
        context.close();
        engine.close();
    }
}
