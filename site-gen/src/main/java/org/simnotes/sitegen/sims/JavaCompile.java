package org.simnotes.sitegen.sims;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.simnotes.sitegen.fault.Problems;

/**
 * Compiles a course's Java sources in this process with the JDK's compiler, against the simulation API
 * alone. It compiles the bytes {@link SimSources} read, not the files again, so what is compiled is what
 * the cache key was made of.
 */
final class JavaCompile {
    private JavaCompile() {
    }

    /** Compiles {@code sources}' Java files into {@code classes}; false, with each error located, when they do not compile. */
    static boolean run(SimSources sources, List<Path> classPath, Path classes, Problems problems) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            problems.error(sources.dir(), 0, "compiling simulations needs a JDK (javac); this Java runtime has none");
            return false;
        }
        List<Source> units = new ArrayList<>();
        for (SimSources.SimFile f : sources.files()) {
            if (f.isJava()) {
                units.add(new Source(f));
            }
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath);
            // Java 17, as TeaVM compiles it; no annotation processors, which would run more code found on the class path.
            List<String> options = List.of("--release", "17", "-proc:none", "-implicit:none", "-g", "-nowarn", "-Xlint:none");
            boolean ok = javac.getTask(null, files, diagnostics, options, null, units).call();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() != Diagnostic.Kind.ERROR) {
                    continue;
                }
                Path file = d.getSource() instanceof Source s ? s.file.path() : sources.dir();
                int line = d.getLineNumber() == Diagnostic.NOPOS ? 0 : (int) d.getLineNumber();
                problems.error(file, line, oneLine(d.getMessage(Locale.ROOT)));
            }
            return ok;
        }
    }

    /** javac's message on one line: "cannot find symbol; symbol: class Foo; location: …". */
    private static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    private static final class Source extends SimpleJavaFileObject {
        final SimSources.SimFile file;

        Source(SimSources.SimFile file) {
            super(file.path().toAbsolutePath().toUri(), Kind.SOURCE);
            this.file = file;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return new String(file.bytes(), StandardCharsets.UTF_8);
        }
    }
}
