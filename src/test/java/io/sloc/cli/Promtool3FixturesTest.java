package io.sloc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.testsupport.Shared;
import io.sloc.testsupport.SlocCli;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * promtool 3.14's own rule-test fixtures ({@code shared/conformance/prometheus-3/promtool}), run through {@code sloc
 * test} as the Go tests in {@code unittest_test.go.txt} run them: the case table is read from the Go source, so every
 * case there is run here. The Go tests call the runner directly and sometimes turn off the {@code @} modifier and
 * negative offsets, which promtool's command line (and sloc) always enable: such a case must end like its twin that
 * enables them.
 */
class Promtool3FixturesTest {
    private static final Pattern CASE =
            Pattern.compile("\\{\\s*name:\\s*\"([^\"]*)\",(.*?)\\n\\t\\t},", Pattern.DOTALL);
    private static final Pattern FILES = Pattern.compile("files:\\s*\\[]string\\{([^}]*)}");
    private static final Pattern RUN = Pattern.compile("run:\\s*\\[]string\\{([^}]*)}");
    private static final Pattern WANT = Pattern.compile("want:\\s*(\\d+)");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    @TempDir
    static Path fixtures;

    /** One row of a Go test table. */
    record GoCase(String test, String name, List<String> files, List<String> run, boolean ignoreUnknownFields,
                  String queryOpts, int want) {
        /** The Go test passes no lazy-loader options: @ and negative offsets off, unlike the command line. */
        boolean featuresOff() {
            return queryOpts.isEmpty();
        }
    }

    @BeforeAll
    static void copyFixtures() throws IOException {
        Path dir = Shared.require("conformance/prometheus-3/promtool");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.copy(f, fixtures.resolve(f.getFileName()));
            }
        }
    }

    private static String goSource() throws IOException {
        return Files.readString(fixtures.resolve("unittest_test.go.txt"));
    }

    /** The table of test function {@code function}, in order. */
    static List<GoCase> cases(String function) throws IOException {
        String source = goSource();
        int start = source.indexOf("func " + function + "(");
        int end = source.indexOf("\nfunc ", start + 1);
        String body = source.substring(start, end < 0 ? source.length() : end);
        String table = body.substring(0, body.indexOf("for _, tt := range tests"));
        List<GoCase> cases = new ArrayList<>();
        Matcher m = CASE.matcher(table);
        while (m.find()) {
            String fields = m.group(2);
            Matcher opts = Pattern.compile("queryOpts:\\s*promqltest\\.LazyLoaderOpts\\{([^}]*)}").matcher(fields);
            Matcher want = WANT.matcher(fields);
            assertThat(want.find()).as(m.group(1)).isTrue();
            cases.add(new GoCase(function, m.group(1), quoted(FILES, fields), quoted(RUN, fields),
                    fields.contains("ignoreUnknownFields: true"),
                    opts.find() ? opts.group(1).replaceAll("[\\s,]+$", "").strip() : "",
                    Integer.parseInt(want.group(1))));
        }
        return cases;
    }

    private static List<String> quoted(Pattern list, String fields) {
        Matcher m = list.matcher(fields);
        List<String> out = new ArrayList<>();
        if (m.find()) {
            Matcher q = QUOTED.matcher(m.group(1));
            while (q.find()) {
                out.add(q.group(1));
            }
        }
        return out;
    }

    private static List<GoCase> allCases() throws IOException {
        List<GoCase> all = new ArrayList<>(cases("TestRulesUnitTest"));
        all.addAll(cases("TestRulesUnitTestRun"));
        return all;
    }

    /** The exit code promtool's command line gives for a Go case (see the class comment). */
    private static int cliExitCode(GoCase c, List<GoCase> all) {
        if (!c.featuresOff()) {
            return c.want();
        }
        return all.stream().filter(o -> !o.featuresOff() && o.files().equals(c.files()) && o.run().equals(c.run()))
                .map(GoCase::want).findFirst().orElse(c.want());
    }

    private static Path fixture(String goPath) {
        return fixtures.resolve(Path.of(goPath).getFileName().toString());
    }

    private static List<String> args(GoCase c) {
        List<String> args = new ArrayList<>(List.of("test"));
        c.run().forEach(r -> args.addAll(List.of("--run", r)));
        if (c.ignoreUnknownFields()) {
            args.add("--ignore-unknown-fields");
        }
        c.files().forEach(f -> args.add(fixture(f).toString()));
        return args;
    }

    @TestFactory
    Stream<DynamicTest> everyGoCaseEndsWithPromtoolsExitCode() throws IOException {
        List<GoCase> all = allCases();
        return all.stream().map(c -> DynamicTest.dynamicTest(c.test() + ": " + c.name(), () -> {
            SlocCli sloc = new SlocCli();
            int code = sloc.run(args(c));
            assertThat(code).as(sloc.out() + sloc.err()).isEqualTo(cliExitCode(c, all));
        }));
    }

    @Test
    void theTablesAreReadCompletely() throws IOException {
        String source = goSource();
        for (String function : List.of("TestRulesUnitTest", "TestRulesUnitTestRun")) {
            int start = source.indexOf("func " + function + "(");
            String body = source.substring(start, source.indexOf("for _, tt := range tests", start));
            long names = Pattern.compile("\\bname:\\s*\"").matcher(body).results().count();
            assertThat(cases(function)).as(function).hasSize((int) names)
                    .allSatisfy(c -> assertThat(c.files()).isNotEmpty());
        }
    }

    @Test
    void everyFixtureIsATestFileOfTheTableOrARuleFileOfOne() throws IOException {
        Set<String> covered = new TreeSet<>();
        for (GoCase c : allCases()) {
            for (String f : c.files()) {
                Path test = fixture(f);
                covered.add(test.getFileName().toString());
                Matcher rules = Pattern.compile("(?m)^  - (\\S+\\.yml)$").matcher(Files.readString(test));
                while (rules.find()) {
                    covered.add(rules.group(1));
                }
            }
        }
        try (Stream<Path> files = Files.list(fixtures)) {
            Set<String> fixtureFiles = new TreeSet<>(files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yml")).toList());
            // Rule files that only promtool's check-rules tests use.
            fixtureFiles.removeAll(Set.of("rules-bad.yml", "rules_duplicates.yml"));
            assertThat(covered).containsAll(fixtureFiles);
        }
    }

    /**
     * The Go test's JUnit case: the files of the cases that enable exactly one of @ and negative offsets, run
     * together into one report with one suite per file, each with test cases.
     */
    @Test
    void junitReportHasASuiteWithCasesPerFile(@TempDir Path out) throws Exception {
        List<GoCase> all = allCases();
        List<String> files = all.stream()
                .filter(c -> Set.of("EnableNegativeOffset: true", "EnableAtModifier: true").contains(c.queryOpts()))
                .flatMap(c -> c.files().stream()).toList();
        assertThat(files).isNotEmpty();
        Path xml = out.resolve("report.xml");
        List<String> args = new ArrayList<>(List.of("test", "--junit", xml.toString()));
        files.forEach(f -> args.add(fixture(f).toString()));
        SlocCli sloc = new SlocCli();
        int code = sloc.run(args);
        int expected = all.stream().filter(c -> files.containsAll(c.files()) && c.run().isEmpty())
                .mapToInt(c -> cliExitCode(c, all)).max().orElseThrow();
        assertThat(code).as(sloc.out() + sloc.err()).isEqualTo(expected);

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(Files.readString(xml))));
        NodeList suites = doc.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(files.size());
        int cases = 0;
        for (int i = 0; i < suites.getLength(); i++) {
            Element suite = (Element) suites.item(i);
            assertThat(suite.getAttribute("name")).isEqualTo(fixture(files.get(i)).toString());
            assertThat(Integer.parseInt(suite.getAttribute("tests")))
                    .isEqualTo(suite.getElementsByTagName("testcase").getLength());
            cases += suite.getElementsByTagName("testcase").getLength();
        }
        assertThat(cases).isGreaterThanOrEqualTo(suites.getLength());
    }
}
