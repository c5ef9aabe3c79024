package org.simnotes.sitegen.cmd;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.simnotes.sitegen.init.StarterCourse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code site-gen init DIR}: writes a starter course with a widget of its own. Exit 0, or 1 when DIR holds files. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Writes a starter course (two topics, a widget and its test, a pom.xml) into a new folder.")
final class InitCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "A folder that does not exist yet, or is empty.")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            List<Path> files = StarterCourse.write(dir);
            out.println("Wrote " + files.size() + " files into " + dir + ":");
            files.forEach(f -> out.println("  " + f.toString().replace('\\', '/')));
            out.println("Next: cd " + dir + " && simnotes build   (the site goes to site/; `simnotes serve` to edit live)");
            out.println("      mvn test   runs the widget's test; mvn site   builds the site through Maven");
            out.flush();
            return 0;
        } catch (IOException e) {
            spec.commandLine().getErr().println("init: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        }
    }
}
