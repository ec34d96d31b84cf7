package io.sloc.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Go text/template and Prometheus template behaviour, offline (the differential test checks the same against the
 * real promtool). Data: labels {job=api, instance=host.example.com:9090, __name__=m}, value 1234567.5.
 */
class AlertTemplateExpanderTest {
    private static final Map<String, String> LABELS =
            Map.of("__name__", "m", "job", "api", "instance", "host.example.com:9090");
    private final List<Long> queryTimes = new ArrayList<>();

    private String expand(String template) {
        return new AlertTemplateExpander().expand("A", template, LABELS, Map.of("region", "eu"),
                "http://example.com:9090/prefix", 1234567.5, 42_000, (q, t) -> {
                    queryTimes.add(t);
                    if (q.equals("m")) {
                        return List.of(new TemplateSample(LABELS, 1234567.5));
                    }
                    if (q.equals("bad")) {
                        throw new QueryFunction.QueryException("1:4: parse error: unexpected end of input");
                    }
                    return List.of();
                });
    }

    static Stream<Arguments> renderings() {
        return Stream.of(
            Arguments.of("{{ $value }}", "1.2345675e+06"),
            Arguments.of("{{ $labels.job }}/{{ $labels.nope }}/{{ $labels.__name__ }}", "api//m"),
            Arguments.of("{{ $externalLabels.region }} {{ $externalURL }}", "eu http://example.com:9090/prefix"),
            Arguments.of("{{ range $k, $v := $labels }}{{ $k }}={{ $v }},{{ end }}", "__name__=m,instance=host.example.com:9090,job=api,"),
            Arguments.of("{{ if eq $labels.job \"x\" }}x{{ else if eq $labels.job \"api\" }}api{{ else }}no{{ end }}", "api"),
            Arguments.of("{{ with $labels.nope }}[{{ . }}]{{ else }}none{{ end }}", "none"),
            Arguments.of("{{ $x := 5 }}{{ $x = 6 }}{{ $x }}", "6"),
            Arguments.of("{{ $v := 0 }}{{ range $labels }}{{ $v = . }}{{ end }}{{ $v }}", "api"),
            Arguments.of("{{ range $k, $v := $labels }}{{ if eq $k \"job\" }}{{ break }}{{ end }}{{ $k }};{{ end }}", "__name__;instance;"),
            Arguments.of("a  {{- \" b \" -}}  c", "a b c"),
            Arguments.of("{{ 'a' }} {{ 0x1F }} {{ 1e3 }} {{ 1_000 }} {{ -5 }} {{ .5 }} {{ 1.0 }}", "97 31 1000 1000 -5 0.5 1"),
            Arguments.of("{{ printf \"%d %s %5.2f|%-5d|\" 42 \"s\" 3.14159 7 }}", "42 s  3.14|7    |"),
            Arguments.of("{{ printf \"%d\" \"str\" }}", "%!d(string=str)"),
            Arguments.of("{{ print 1 2 \"a\" \"b\" 3.5 true nil }}", "1 2ab3.5 true <nil>"),
            Arguments.of("{{ len $labels }} {{ index $labels \"job\" }} {{ slice \"abcdef\" 1 3 }}", "3 api bc"),
            Arguments.of("{{ and 1 0 }} {{ or 0 \"\" }} {{ not 0 }}", "0  true"),
            Arguments.of("{{ html \"<a>&\" }} {{ urlquery \"a b&c\" }}", "&lt;a&gt;&amp; a+b%26c"),
            Arguments.of("{{ with query \"m\" }}{{ . | first | value | humanize }}{{ end }}", "1.235M"),
            Arguments.of("{{ query \"m\" | first | label \"job\" }}", "api"),
            Arguments.of("{{ first (query \"m\") }}", "{map[__name__:m instance:host.example.com:9090 job:api] 1.2345675e+06}"),
            Arguments.of("{{ range query \"none\" }}x{{ else }}no data{{ end }}", "no data"),
            Arguments.of("{{ title \"hello wORLD don't\" }} {{ toUpper \"stra\u00dfe\" }}", "Hello WORLD Don'T STRA\u00dfE"),
            Arguments.of("{{ reReplaceAll \"(\\\\w+)@(\\\\w+)\" \"$2 at ${1}x $1x $$\" \"joe@home\" }}", "home at joex  $"),
            Arguments.of("{{ reReplaceAll \"a*\" \"X\" \"baaac\" }}", "XbXcX"),
            Arguments.of("{{ match \"^a.c$\" \"abc\" }}", "true"),
            Arguments.of("{{ graphLink \"up == 0\" }}", "/graph?g0.expr=up+%3D%3D+0&g0.tab=0"),
            Arguments.of("{{ stripPort \"host:9090\" }} {{ stripDomain \"host.example.com:9090\" }} {{ stripDomain \"10.0.0.1:80\" }}", "host host:9090 10.0.0.1:80"),
            Arguments.of("{{ humanize 0 }} {{ humanize 0.5 }} {{ humanize 1500 }} {{ humanize 2048 }} {{ humanize 1234.5 }}", "0 500m 1.5k 2.048k 1.234k"),
            Arguments.of("{{ humanize1024 2048 }} {{ humanize1024 0.5 }}", "2ki 0.5"),
            Arguments.of("{{ humanizeDuration 90 }} {{ humanizeDuration 90061 }} {{ humanizeDuration 0.000123 }} {{ humanizeDuration 1.5 }}", "1m 30s 1d 1h 1m 1s 123us 1.5s"),
            Arguments.of("{{ humanizePercentage 0.256 }}", "25.6%"),
            Arguments.of("{{ humanizeTimestamp 1435065584.128 }} {{ humanizeTimestamp -1.5 }}", "2015-06-23 13:19:44.128 +0000 UTC 1969-12-31 23:59:58.5 +0000 UTC"),
            Arguments.of("{{ parseDuration \"1h30m\" }} {{ toTime 0 }}", "5400 1970-01-01 00:00:00 +0000 UTC"),
            Arguments.of("{{ args 1 \"a\" }} {{ (args 1).nope }}", "map[arg0:1 arg1:a] <no value>"),
            Arguments.of("{{ define \"t\" }}[{{ . }}]{{ end }}{{ template \"t\" $labels.job }}", "[api]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void renders(String template, String expected) {
        assertThat(expand(template)).isEqualTo(expected);
    }

    static Stream<Arguments> errors() {
        return Stream.of(
            Arguments.of("{{ nope }}", "error parsing template __alert_A: template: __alert_A:1: function \"nope\" not defined"),
            Arguments.of("{{ end }}", "error parsing template __alert_A: template: __alert_A:1: unexpected {{end}}"),
            Arguments.of("{{ if true }}", "error parsing template __alert_A: template: __alert_A:1: unexpected EOF"),
            Arguments.of("{{3-}}", "error parsing template __alert_A: template: __alert_A:1: bad number syntax: \"3-\""),
            Arguments.of("{{ humanize \"abc\" }}", "error executing template __alert_A: template: __alert_A:1:115: executing \"__alert_A\" at <humanize \"abc\">: error calling humanize: strconv.ParseFloat: parsing \"abc\": invalid syntax"),
            Arguments.of("{{ .Nope }}", "error executing template __alert_A: template: __alert_A:1:115: executing \"__alert_A\" at <.Nope>: can't evaluate field Nope in type struct { Labels map[string]string; ExternalLabels map[string]string; ExternalURL string; Value float64 }"),
            Arguments.of("multi\nline {{ .Nope }}", "error executing template __alert_A: template: __alert_A:2:8: executing \"__alert_A\" at <.Nope>: can't evaluate field Nope in type struct { Labels map[string]string; ExternalLabels map[string]string; ExternalURL string; Value float64 }"),
            Arguments.of("{{ eq $value 1 }}", "error executing template __alert_A: template: __alert_A:1:115: executing \"__alert_A\" at <eq $value 1>: error calling eq: incompatible types for comparison"),
            Arguments.of("{{ toUpper $value }}", "error executing template __alert_A: template: __alert_A:1:123: executing \"__alert_A\" at <$value>: wrong type for value; expected string; got float64"),
            Arguments.of("{{ query \"bad\" }}", "error executing template __alert_A: template: __alert_A:1:115: executing \"__alert_A\" at <query \"bad\">: error calling query: 1:4: parse error: unexpected end of input"),
            Arguments.of("{{ query \"none\" | first }}", "error executing template __alert_A: template: __alert_A:1:130: executing \"__alert_A\" at <first>: error calling first: first() called on vector with no elements"),
            Arguments.of("{{ externalURL }}", "error executing template __alert_A: template: __alert_A:1:115: executing \"__alert_A\" at <externalURL>: error calling externalURL: runtime error: invalid memory address or nil pointer dereference"),
            Arguments.of("{{ match \"a**\" \"x\" }}", "error executing template __alert_A: template: __alert_A:1:115: executing \"__alert_A\" at <match \"a**\" \"x\">: error calling match: error parsing regexp: invalid nested repetition operator: `**`"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void reportsErrorsInGosWords(String template, String error) {
        assertThat(expand(template)).isEqualTo("<error expanding template: " + error + ">");
    }

    @Test
    void parseErrorsAreAvailableForRuleFileValidation() {
        AlertTemplateExpander expander = new AlertTemplateExpander();
        assertThat(expander.parseError("HighLatency", "{{ $labels.job }}")).isEmpty();
        assertThat(expander.parseError("HighLatency", "{{ humanise $value }}"))
                .contains("template: __alert_HighLatency:1: function \"humanise\" not defined");
    }

    @Test
    void queriesRunAtTheEvaluationTime() {
        expand("{{ query \"m\" | first | value }}");
        assertThat(queryTimes).containsExactly(42_000L);
    }

    @Test
    void serverExternalUrlFeedsTheUrlFunctions() {
        String out = new AlertTemplateExpander("http://prom.example.com/sub").expand("A",
                "{{ externalURL }} {{ pathPrefix }}", Map.of(), Map.of(), "", 0, 0, (q, t) -> List.of());
        assertThat(out).isEqualTo("http://prom.example.com/sub /sub");
    }
}
