package org.simnotes.sitegen.sims;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.simnotes.sitegen.content.SourceFolder;
import org.simnotes.sitegen.digest.Sha256;
import org.simnotes.sitegen.fault.Problems;

/**
 * A course's own simulations: the files under its {@code sims/} folder, Java sources in the usual package
 * layout and resources beside them (the services file that lists the widgets). Read as the course's other
 * files are, by real path inside the course, so a link cannot bring a file from elsewhere into the build.
 */
record SimSources(Path dir, List<SimFile> files) {
    static final String FOLDER = "sims";
    static final String SERVICES = "META-INF/services/org.simnotes.simapi.Widget";

    /** One file, by its path under {@code sims/} with forward slashes, and its bytes. */
    record SimFile(String name, Path path, byte[] bytes) {
        boolean isJava() {
            return name.endsWith(".java");
        }
    }

    /** The files under {@code contentDir/sims}, none when there is no such folder; faults go to {@code problems}. */
    static SimSources read(Path contentDir, Problems problems) throws IOException {
        Path dir = contentDir.resolve(FOLDER);
        if (!Files.isDirectory(dir)) {
            return new SimSources(dir, List.of());
        }
        SourceFolder course = new SourceFolder(contentDir);
        List<SimFile> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
                Path at = course.inside(p);
                if (at == null) {
                    problems.error(p, 0, course.outside(p));
                    continue;
                }
                files.add(new SimFile(dir.relativize(p).toString().replace('\\', '/'), p, Files.readAllBytes(at)));
            }
        }
        return new SimSources(dir, files);
    }

    boolean hasJava() {
        return files.stream().anyMatch(SimFile::isJava);
    }

    /** A digest of every file's name and bytes. */
    String digest() {
        MessageDigest sha = Sha256.start();
        for (SimFile f : files) {
            sha.update(f.name().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(Integer.toString(f.bytes().length).getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) 0);
            sha.update(f.bytes());
        }
        return Sha256.hexOf(sha);
    }
}
