package org.simnotes.sitegen.sims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.simnotes.sitegen.fault.BuildException;
import org.simnotes.sitegen.fault.Problem;
import org.simnotes.sitegen.fault.Problems;

/**
 * A Maven project's compiled widgets (the class folder the plugin passes) that cannot be loaded: the
 * error names the line of the project's services file that lists the class, as for a course's own.
 */
class ProjectWidgetFaultsTest {
    @TempDir
    Path dir;

    private Problem onlyError(Path classes) throws IOException {
        Path content = Files.createDirectories(dir.resolve("content"));
        Problems problems = new Problems();
        assertNull(new SimCompiler(dir.resolve("cache")).prepare(content, List.of(classes), problems));
        BuildException e = assertThrows(BuildException.class, problems::throwIfAny);
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0);
    }

    private Path services(Path classes, String text) throws IOException {
        Path file = classes.resolve(SimSources.SERVICES);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void aListedClassThatIsMissingIsAnErrorAtItsLine() throws IOException {
        Path classes = dir.resolve("classes");
        Path file = services(classes, "# the project's widgets\norg.example.sims.Missing\n");
        Problem p = onlyError(classes);
        assertEquals(file, p.file());
        assertEquals(2, p.line());
        assertTrue(p.message().contains("org.example.sims.Missing"), p.message());
    }

    @Test
    void aWidgetNamedAsABuiltInOneIsAnErrorAtItsLine() throws IOException {
        Path classes = dir.resolve("classes");
        Path source = dir.resolve("src/org/example/sims/MyPool.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package org.example.sims;
                public final class MyPool implements org.simnotes.simapi.Widget {
                    public String name() { return "pool"; }
                    public String caption() { return ""; }
                    public org.simnotes.simapi.Param[] params() { return new org.simnotes.simapi.Param[0]; }
                    public void render(double[] values, StringBuilder out) { }
                }
                """);
        int javac = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), source.toString());
        assertEquals(0, javac);
        Path file = services(classes, "org.example.sims.MyPool\n");
        Problem p = onlyError(classes);
        assertEquals(file, p.file());
        assertEquals(1, p.line());
        assertTrue(p.message().contains("two widgets are named 'pool'"), p.message());
    }
}
