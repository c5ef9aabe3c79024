package org.simnotes.sitegen.math;

/**
 * KaTeX's engine kept from one build to the next by a process that builds again and again, the build
 * daemon: a build with new formulas then skips parsing KaTeX (about two seconds in a process of its own)
 * and finds GraalJS's interpreter already specialised for it. Only the engine is kept, KaTeX's parsed
 * code; each build opens contexts of its own and closes them, and KaTeX's renders keep no state between
 * calls (each has its own macros), so a build's formulas are those a fresh engine gives.
 */
public final class KeptKatex implements AutoCloseable {
    private KatexEngine engine;

    /** The engine, started the first time a build asks for it. */
    synchronized KatexEngine engine() {
        if (engine == null) {
            engine = new KatexEngine();
        }
        return engine;
    }

    @Override
    public synchronized void close() {
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }
}
