package io.sloc.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.testsupport.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's plugin snippet is what the invoker IT {@code src/it/readme-snippet} builds with, and names this
 * build's coordinates: a user who copies it after {@code mvn install} gets a working build.
 */
class ReadmePluginSnippetTest {
    private static final Path PROJECT = Shared.projectDir();

    @Test
    void invokerItUsesTheReadmeSnippetWithThisBuildsCoordinates() throws Exception {
        String readme = Files.readString(PROJECT.resolve("README.md"));
        String snippet = firstMatch("(?s)## Maven plugin.*?```xml\n(.*?)```", readme);
        String version = firstMatch("(?s)<artifactId>sloc-maven-plugin</artifactId>\\s*<version>([^<]+)</version>",
                Files.readString(PROJECT.resolve("pom.xml")));

        assertThat(snippet).contains("<groupId>io.sloc</groupId>", "<artifactId>sloc-maven-plugin</artifactId>",
                "<version>" + version + "</version>");
        String itPom = Files.readString(PROJECT.resolve("src/it/readme-snippet/pom.xml"));
        assertThat(unindented(firstMatch("(?s)\n(\\s*<plugin>.*</plugin>)\n", itPom)))
                .isEqualTo(unindented(snippet.strip()).replace(version, "@project.version@"));
    }

    private static String firstMatch(String regex, String text) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as(regex).isTrue();
        return matcher.group(1);
    }

    private static String unindented(String xml) {
        return xml.lines().map(String::strip).collect(Collectors.joining("\n"));
    }
}
