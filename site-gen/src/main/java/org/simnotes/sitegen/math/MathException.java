package org.simnotes.sitegen.math;

/** KaTeX could not render a formula; the message is KaTeX's own. */
public final class MathException extends Exception {
    public MathException(String message) {
        super(message);
    }
}
