package org.simnotes.sitegen.render;

/** A template failed; the message names the template and, where Thymeleaf knows it, the line. */
public final class TemplateError extends RuntimeException {
    public TemplateError(String message, Throwable cause) {
        super(message, cause);
    }
}
