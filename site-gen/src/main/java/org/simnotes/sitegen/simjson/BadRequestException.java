package org.simnotes.sitegen.simjson;

/** A simulation request that cannot be read: malformed JSON, or a field missing or of the wrong type. */
public final class BadRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadRequestException(String message) {
        super(message);
    }
}
