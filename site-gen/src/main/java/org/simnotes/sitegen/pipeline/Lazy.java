package org.simnotes.sitegen.pipeline;

import java.util.function.Supplier;

/**
 * A value made on first use, once, whichever thread asks first: the markdown and template engines take
 * long to start, and a build that finds everything kept needs neither.
 */
final class Lazy<T> {
    private final Supplier<T> make;
    private T value;

    Lazy(Supplier<T> make) {
        this.make = make;
    }

    synchronized T get() {
        if (value == null) {
            value = make.get();
        }
        return value;
    }
}
