package org.simnotes.sitegen.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The templates and presentation assets that ship in the generator's jar (this repository's
 * {@code templates/}), so a course needs no templates folder; a course's own folder replaces any of
 * them file by file, as mdBook's and MkDocs' themes do.
 */
final class BuiltInTheme {
    /** Where they are on the class path. */
    static final String ROOT = "org/simnotes/sitegen/theme/";
    private static final Map<String, byte[]> FILES = load();

    private BuiltInTheme() {
    }

    /** Every file's bytes by its path inside the theme, '/'-separated ({@code assets/site.css}). */
    static Map<String, byte[]> files() {
        return FILES;
    }

    private static Map<String, byte[]> load() {
        URL layout = BuiltInTheme.class.getClassLoader().getResource(ROOT + "layout.html");
        if (layout == null) {
            throw new IllegalStateException("the built-in templates are missing from the class path");
        }
        try {
            URI uri = layout.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return read(jar.provider().getPath(uri).getParent());
                }
            }
            return read(Path.of(uri).getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, byte[]> read(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return Map.copyOf(files);
    }
}
