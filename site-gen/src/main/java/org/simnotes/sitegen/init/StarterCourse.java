package org.simnotes.sitegen.init;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The course {@code init} writes: site.yml, a topic with math, a topic with the starter widget, the widget's
 * source and its services file under {@code content/sims/}, its JUnit test, and a pom.xml that runs the test
 * and builds the study site through the Maven plugin. The files ship in the generator's jar.
 */
public final class StarterCourse {
    private static final String ROOT = "org/simnotes/sitegen/init/starter";
    /** Shipped without its dot, as Maven leaves dot files out of a jar's resources. */
    private static final String GITIGNORE = "gitignore";

    private StarterCourse() {
    }

    /**
     * Writes the course into {@code dir}, which must not exist or be empty: nothing of the author's is
     * overwritten. Returns the files written, relative to {@code dir}.
     *
     * @throws IOException when {@code dir} holds files or cannot be written
     */
    public static List<Path> write(Path dir) throws IOException {
        if (Files.isRegularFile(dir)) {
            throw new IOException(dir + " is a file; name a new folder for the course");
        }
        if (Files.isDirectory(dir)) {
            try (Stream<Path> in = Files.list(dir)) {
                if (in.findAny().isPresent()) {
                    throw new IOException(dir + " is not empty; name a new or empty folder for the course");
                }
            }
        }
        List<Path> written = new ArrayList<>();
        withRoot(root -> {
            try (Stream<Path> all = Files.walk(root)) {
                for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
                    String name = root.relativize(p).toString().replace('\\', '/');
                    Path to = dir.resolve(name.equals(GITIGNORE) ? ".gitignore" : name);
                    Files.createDirectories(to.getParent());
                    Files.write(to, Files.readAllBytes(p));
                    written.add(dir.relativize(to));
                }
            }
        });
        return written;
    }

    private interface RootAction {
        void run(Path root) throws IOException;
    }

    /** The starter folder, in the jar or, when run from the build's classes, on disk. */
    private static void withRoot(RootAction action) throws IOException {
        URL url = StarterCourse.class.getClassLoader().getResource(ROOT);
        if (url == null) {
            throw new IOException(ROOT + " is missing from the generator's class path");
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    action.run(jar.provider().getPath(uri));
                }
            } else {
                action.run(Path.of(uri));
            }
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }
}
