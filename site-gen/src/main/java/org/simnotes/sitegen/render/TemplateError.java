package org.simnotes.sitegen.render;

/** A template failed: which one ({@code topic.html}), the line where Thymeleaf knows it (else 0), and why. */
public final class TemplateError extends RuntimeException {
    private final String template;
    private final int line;

    public TemplateError(String template, int line, String message, Throwable cause) {
        super(message, cause);
        this.template = template;
        this.line = line;
    }

    public String template() {
        return template;
    }

    public int line() {
        return line;
    }
}
