package org.simnotes.simapi;

/**
 * An invalid simulation parameter. The message names the parameter and says what was expected and
 * what was given, e.g. {@code kernel must be between 1 and 16, got 20}, so callers can show it as is.
 */
public class SimException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    /** {@code message} is shown as it is: name the parameter, what it allows and what it got. */
    public SimException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The name of the offending parameter, as it appears in requests (e.g. {@code kernel}). */
    public String getParameter() {
        return parameter;
    }
}
