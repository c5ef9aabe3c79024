package org.simnotes.sitegen.sims;

import org.simnotes.simapi.Widgets;

/**
 * The widgets a course's blocks can embed, as the build pre-renders them ({@code widgets}) and as the
 * page runs them ({@code web}); {@code key} changes whenever either may have. {@code outcome} says
 * what the build did to get them, for its report.
 */
public record CourseSims(Widgets widgets, WebBuild web, String key, Outcome outcome, int ownWidgets) {
    /** How the simulations were made ready. */
    public enum Outcome {
        /** The course has none of its own: the generator's built-in widgets, compiled when it was built. */
        BUILT_IN,
        /** Its own, unchanged since they were compiled: neither javac nor TeaVM ran. */
        CACHED,
        /** Its own, compiled by javac and TeaVM in this build. */
        COMPILED
    }

    private static final CourseSims BUILT_IN_ONLY = new CourseSims(Widgets.load(CourseSims.class.getClassLoader()),
            WebBuild.builtIn(), "built-in", Outcome.BUILT_IN, 0);

    /** The generator's built-in widgets alone. */
    public static CourseSims builtIn() {
        return BUILT_IN_ONLY;
    }

    CourseSims reused() {
        return outcome == Outcome.BUILT_IN ? this : new CourseSims(widgets, web, key, Outcome.CACHED, ownWidgets);
    }
}
