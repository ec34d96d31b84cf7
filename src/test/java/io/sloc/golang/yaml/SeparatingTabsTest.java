package io.sloc.golang.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeparatingTabsTest {
    @Test
    void leadingTabsInsideAFlowCollectionAreBlanks() {
        assertThat(SeparatingTabs.asSpaces("{\n\t\"tests\": [\n\t\t{\"name\": \"a\\tb\"}\n\t]\n}\n"))
                .isEqualTo("{\n \"tests\": [\n  {\"name\": \"a\\tb\"}\n ]\n}\n");
    }

    @Test
    void aTabAfterAnExplicitKeyIndicatorInAFlowCollectionIsABlank() {
        assertThat(SeparatingTabs.asSpaces("[{? \ta: 1}]\n")).isEqualTo("[{?  a: 1}]\n");
        assertThat(SeparatingTabs.asSpaces("[a\tb]\n")).as("inside a plain scalar").isEqualTo("[a\tb]\n");
    }

    @Test
    void leadingTabsOfBlockContextStayForTheParserToRefuse() {
        assertThat(SeparatingTabs.asSpaces("tests:\n\t- name: a\n")).isEqualTo("tests:\n\t- name: a\n");
        assertThat(SeparatingTabs.asSpaces("a: [1]\n\tb: 2\n")).isEqualTo("a: [1]\n\tb: 2\n");
        assertThat(SeparatingTabs.asSpaces("- name: x[1\n\tinterval: 1m\n")).as("a bracket inside a plain scalar")
                .isEqualTo("- name: x[1\n\tinterval: 1m\n");
    }

    @Test
    void tabsInsideQuotedScalarsOfAFlowCollectionStay() {
        assertThat(SeparatingTabs.asSpaces("[\"a\n\tb\"]\n")).isEqualTo("[\"a\n\tb\"]\n");
    }
}
