package org.simnotes.sitegen.math;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.simnotes.sitegen.digest.Sha256;

/**
 * Turns TeX into KaTeX HTML. Results are kept in a cache file that survives builds, keyed by KaTeX's
 * version, the display mode and the TeX, so a rebuild starts the JavaScript engine only when a
 * formula is new. Failures, limits reached included ({@link FormulaLimits}), are not cached: the author sees them on
 * every build until fixed.
 */
public final class MathRenderer implements AutoCloseable {
    private final Path cacheFile;
    private final Map<String, String> cache = new ConcurrentHashMap<>();
    /**
     * New formulas waiting for one KaTeX thread at which a second starts, when there is a second core: bodies are
     * written faster than one thread renders a course's new formulas, and the second context, ready in tens of
     * milliseconds once KaTeX is parsed, then drains the rest on the core the written bodies leave idle.
     */
    private static final int BACKLOG = 16;
    private static final int THREADS = Math.min(2, Runtime.getRuntime().availableProcessors());

    private final Object engineLock = new Object();
    /** The engine kept between builds, or null when this renderer starts its own and stops it with {@link #stopEngine}. */
    private final KeptKatex kept;
    private KatexEngine engine;
    private ThreadPoolExecutor katex;
    /** Each KaTeX thread's own context. */
    private final Map<Thread, KatexContext> contexts = new ConcurrentHashMap<>();
    /** Formulas asked for and not yet rendered, by key. */
    private final Map<String, CompletableFuture<String>> pending = new ConcurrentHashMap<>();
    private volatile boolean dirty;

    private MathRenderer(Path cacheFile, KeptKatex kept) {
        this.cacheFile = cacheFile;
        this.kept = kept;
    }

    /** A renderer whose cache lives in {@code cacheDir}; null means no cache on disk. */
    public static MathRenderer open(Path cacheDir) {
        return open(cacheDir, null);
    }

    /** A renderer that, when a formula is new, takes KaTeX's engine from {@code kept} (null: starts its own). */
    public static MathRenderer open(Path cacheDir, KeptKatex kept) {
        MathRenderer r = new MathRenderer(cacheDir == null ? null : cacheFile(cacheDir), kept);
        r.loadCache();
        return r;
    }

    /** The file of {@code cacheDir} that keeps the rendered formulas. */
    public static Path cacheFile(Path cacheDir) {
        return cacheDir.resolve("katex-" + KatexDist.VERSION + ".json");
    }

    public String render(String tex, boolean display) throws MathException {
        try {
            return renderLater(tex, display).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof MathException m) {
                throw m;
            }
            throw e;
        }
    }

    /**
     * KaTeX's HTML for a formula: at once when the cache has it, else once KaTeX, on threads of its own,
     * has rendered it (a {@link MathException} when it cannot). So bodies are written while the engine
     * starts and works, and a formula many bodies show is rendered once.
     */
    public CompletableFuture<String> renderLater(String tex, boolean display) {
        String key = key(tex, display);
        String html = cache.get(key);
        if (html != null) {
            return CompletableFuture.completedFuture(html);
        }
        return pending.computeIfAbsent(key, k -> {
            CompletableFuture<String> later = CompletableFuture.supplyAsync(() -> {
                try {
                    String made = context().render(tex, display);
                    // Checked before it is kept, so the cache never holds a formula past a limit.
                    FormulaLimits.check(made);
                    cache.put(k, made);
                    dirty = true;
                    return made;
                } catch (MathException e) {
                    throw new CompletionException(e);
                }
            }, katex());
            // Not kept once done: a rendered formula is in the cache, and one that failed is tried again next time.
            later.whenComplete((made, fault) -> pending.remove(k));
            return later;
        });
    }

    /** The HTML the cache holds under {@code key}, or null: a kept body is used only while its formulas' entries still say the same. */
    public String cached(String key) {
        return cache.get(key);
    }

    /** Writes new entries to the cache file (atomically, so a killed build cannot corrupt it). */
    public void saveCache() throws IOException {
        if (cacheFile == null || !dirty) {
            return;
        }
        Files.createDirectories(cacheFile.getParent());
        Path tmp = cacheFile.resolveSibling(cacheFile.getFileName() + ".tmp");
        Files.writeString(tmp, Json.MAPPER.writeValueAsString(new TreeMap<>(cache)), StandardCharsets.UTF_8);
        Files.move(tmp, cacheFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        dirty = false;
    }

    /** The calling KaTeX thread's context; the first also starts the engine, and a backlog starts a second thread. */
    private KatexContext context() {
        KatexContext context = contexts.computeIfAbsent(Thread.currentThread(), t -> engine().open());
        synchronized (engineLock) {
            if (katex != null && katex.getMaximumPoolSize() < THREADS && katex.getQueue().size() >= BACKLOG) {
                katex.setMaximumPoolSize(THREADS);
                katex.setCorePoolSize(THREADS);
            }
        }
        return context;
    }

    private KatexEngine engine() {
        synchronized (engineLock) {
            if (engine == null) {
                engine = kept == null ? new KatexEngine() : kept.engine();
            }
            return engine;
        }
    }

    /** The threads KaTeX runs on, one until a backlog starts a second (see {@link #BACKLOG}), started with the first new formula. */
    private ExecutorService katex() {
        synchronized (engineLock) {
            if (katex == null) {
                katex = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "katex");
                    t.setDaemon(true);
                    return t;
                });
            }
            return katex;
        }
    }

    private void loadCache() {
        if (cacheFile == null || !Files.isRegularFile(cacheFile)) {
            return;
        }
        try {
            Map<String, String> stored = Json.MAPPER.readValue(cacheFile.toFile(), new TypeReference<Map<String, String>>() { });
            stored.forEach((key, html) -> {
                try {
                    // A cache written before the limits may hold a formula past one: rendered again, it is reported.
                    FormulaLimits.check(html);
                    cache.put(key, html);
                } catch (MathException e) {
                    dirty = true;
                }
            });
        } catch (IOException e) {
            // A damaged cache only costs time: start empty and rewrite it.
            dirty = true;
        }
    }

    /** The cache's key of a formula: what a rendered body records of each formula it shows. */
    public static String key(String tex, boolean display) {
        return Sha256.hex(((display ? "D" : "I") + tex).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        stopEngine();
    }

    /**
     * Stops KaTeX, keeping every formula rendered: a build calls it once the bodies are written, so the engine's
     * memory is free for laying out the pages (a kept engine only lets go of this build's contexts). A formula
     * asked for later starts it again.
     */
    public void stopEngine() {
        synchronized (engineLock) {
            if (katex != null) {
                katex.shutdownNow();
                katex = null;
            }
            contexts.values().forEach(KatexContext::close);
            contexts.clear();
            if (engine != null && kept == null) {
                engine.close();
            }
            engine = null;
        }
    }

    /** Jackson, started the first time the cache is read or written: a build with nothing changed only asks the file's name. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
