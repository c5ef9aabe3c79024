package org.simnotes.sitegen.math;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * KaTeX as its webjar ships it on the class path. The version is the webjar's own, read from its Maven
 * metadata, so the pom's {@code katex.version} is its one source: the engine, the cache's file name and
 * the pages' stylesheet and fonts all follow it.
 */
public final class KatexDist {
    public static final String VERSION = webjarVersion();
    /** The folder of the built files (katex.min.js, katex.min.css, the fonts) on the class path. */
    public static final String DIST = "META-INF/resources/webjars/katex/" + VERSION + "/dist/";

    private KatexDist() {
    }

    private static String webjarVersion() {
        try (InputStream in = KatexDist.class.getClassLoader().getResourceAsStream("META-INF/maven/org.webjars.npm/katex/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("KaTeX's webjar is missing from the class path");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
