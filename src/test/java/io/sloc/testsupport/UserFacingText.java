package io.sloc.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

/** What any message sloc prints for the user must not contain: the names of Java's classes and packages. */
public final class UserFacingText {
    /** {@code IOException}, {@code MalformedInputException}, {@code StackOverflowError}, {@code java.nio...}. */
    private static final Pattern JAVA_NAME = Pattern.compile(
            "\\b[A-Z][A-Za-z]*(Exception|Error)\\b|\\b(java|javax|sun|jdk|org\\.yaml|picocli)\\.[a-z]");

    private UserFacingText() {
    }

    public static void assertNoJavaClassNames(String text) {
        assertThat(JAVA_NAME.matcher(text).results().map(m -> m.group()).toList()).as(text).isEmpty();
    }
}
