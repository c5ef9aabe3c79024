package org.simnotes.sitegen.browser;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs {@link NeedsBrowser} classes where a browser is found or one is required, skips them elsewhere. */
final class BrowserCondition implements ExecutionCondition {
    static final String REQUIRED = "SIMNOTES_REQUIRE_BROWSER";
    private static final AtomicBoolean NOTICED = new AtomicBoolean();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (BrowserInstall.find().isPresent() || "1".equals(System.getenv(REQUIRED))) {
            return ConditionEvaluationResult.enabled("a browser is installed or required");
        }
        if (NOTICED.compareAndSet(false, true)) {
            System.err.println("NOTICE: browser tests skipped: " + BrowserInstall.lookedFor());
        }
        return ConditionEvaluationResult.disabled("browser test skipped: " + BrowserInstall.lookedFor());
    }
}
