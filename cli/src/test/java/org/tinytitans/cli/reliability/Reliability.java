package org.tinytitans.cli.reliability;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Marks a reliability test: it runs only under tests/e2e/reliability.sh (TITANS_RELIABILITY=1), after the
 * main build, so `mvn verify` stays fast and the stdio test finds the packaged jar.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("reliability")
@EnabledIfEnvironmentVariable(named = "TITANS_RELIABILITY", matches = "1")
public @interface Reliability {}
