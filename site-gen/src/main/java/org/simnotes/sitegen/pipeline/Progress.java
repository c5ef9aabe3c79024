package org.simnotes.sitegen.pipeline;

/** Told how far a build has got; the command line draws it as a bar. */
public interface Progress {
    Progress NONE = (done, total) -> { };

    void step(int done, int total);
}
