package org.simnotes.sitegen.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that drives a real browser: skipped, with a notice, on a machine without one, so the
 * README's test command passes on any laptop; {@code SIMNOTES_REQUIRE_BROWSER=1} (set by CI) makes a
 * missing browser a failure instead, so CI never skips them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(BrowserCondition.class)
@interface NeedsBrowser {
}
