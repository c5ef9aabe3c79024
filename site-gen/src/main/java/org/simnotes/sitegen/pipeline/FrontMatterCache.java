package org.simnotes.sitegen.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.simnotes.sitegen.content.FrontMatter;

/**
 * The topics' front matter as the last build parsed it, by its text, kept in the cache folder: a build in a
 * new process parses only the front matter that changed (YAML was a tenth of a one-topic rebuild). Written
 * under the generator's build, so another build of the generator ignores it.
 */
final class FrontMatterCache {
    private static final String FILE = "front-matter";

    private FrontMatterCache() {
    }

    /** What {@link #write} kept under {@code cacheDir} for {@code generator}; empty when there is nothing to trust. */
    static Map<String, FrontMatter> read(Path cacheDir, String generator) {
        DataInputStream in = CacheFile.read(cacheDir.resolve(FILE), generator);
        if (in == null) {
            return Map.of();
        }
        try {
            Map<String, FrontMatter> kept = new HashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                String text = CacheFile.readText(in);
                kept.put(text, new FrontMatter(CacheFile.readText(in), CacheFile.readText(in), in.readInt(), CacheFile.readText(in),
                        CacheFile.readText(in), CacheFile.readTexts(in), in.readInt(), in.readInt()));
            }
            return in.read() == -1 ? kept : Map.of();
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    /** Keeps {@code frontMatter} under {@code cacheDir} for {@code generator}. */
    static void write(Path cacheDir, String generator, Map<String, FrontMatter> frontMatter) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(frontMatter.size());
        for (Map.Entry<String, FrontMatter> e : frontMatter.entrySet()) {
            FrontMatter f = e.getValue();
            CacheFile.writeText(out, e.getKey());
            CacheFile.writeText(out, f.title());
            CacheFile.writeText(out, f.slug());
            out.writeInt(f.order());
            CacheFile.writeText(out, f.category());
            CacheFile.writeText(out, f.summary());
            CacheFile.writeTexts(out, f.tags());
            out.writeInt(f.slugLine());
            out.writeInt(f.categoryLine());
        }
        out.flush();
        CacheFile.write(cacheDir.resolve(FILE), generator, bytes);
    }
}
