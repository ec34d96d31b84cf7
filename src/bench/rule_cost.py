#!/usr/bin/env python3
"""Helpers of rule-cost.sh: the benchmark's SLOs as an sloc spec and as Sloth-shaped rules, the synthetic series
(OpenMetrics history for promtool, and a live exporter that continues it), and the measurement in Prometheus.

The SLOs cycle through four kinds on one HTTP histogram of 10 instances x 4 methods x 6 codes (240 series per
selector): availability (5xx), latency under 100ms, latency under 250ms (the two share the histogram's _count),
error rate (5xx and 429). Every counter is a smooth function of time (its rate swings +-50% over an hour), so the
backfilled history and the live exporter agree and chunks compress like real data, not like constants.
"""
import http.server
import json
import math
import re
import statistics
import sys
import time
import urllib.parse
import urllib.request

import yaml

INSTANCES = [f"i{i}" for i in range(10)]
METHODS = ["GET", "POST", "PUT", "DELETE"]
CODES = {"200": 10.0, "201": 2.0, "404": 0.5, "429": 0.1, "500": 0.05, "503": 0.02}  # requests per second
BUCKETS = {"0.1": 0.9, "0.25": 0.99}  # share of requests faster than le
METRIC = "http_request_duration_seconds"
JOB = "bench"
STEP = 30  # scrape and evaluation interval, seconds
PERIOD_DAYS = 30
KINDS = [
    ("availability", "99.9%", "ratio", '5..'),
    ("latency-100ms", "99%", "latency", "100ms"),
    ("latency-250ms", "99.5%", "latency", "250ms"),
    ("error-rate", "99.5%", "ratio", '5..|429'),
]
WINDOWS = ["5m", "30m", "1h", "2h", "6h", "1d", "3d"]
PAGE = [(14.4, "1h", "5m"), (6, "6h", "30m")]
TICKET = [(3, "1d", "2h"), (1, "3d", "6h")]


def slos(n):
    return [(f"{KINDS[i % 4][0]}-{i}",) + KINDS[i % 4][1:] for i in range(n)]


def spec(n):
    out = ["policy burn {",
           "  window { budget 2%  long 1h short 5m  severity critical for 2m }",
           "  window { budget 5%  long 6h short 30m severity critical for 15m }",
           "  window { budget 10% long 1d short 2h  severity warning  for 1h }",
           "  window { budget 10% long 3d short 6h  severity warning  for 3h }",
           "  keep_firing_for 5m", "  min_traffic 0.1", "}", "service bench {", '  labels { team: "bench" }']
    for name, objective, kind, arg in slos(n):
        out.append(f"  slo {name} {{")
        out.append(f"    objective {objective}")
        if kind == "ratio":
            out.append(f'    sli ratio {{ errors `{METRIC}_count{{job="{JOB}", code=~"{arg}"}}` '
                       f'total `{METRIC}_count{{job="{JOB}"}}` }}')
        else:
            out.append(f'    sli latency {{ histogram `{METRIC}{{job="{JOB}"}}` faster_than {arg} }}')
        out += ["    alerting burn", "  }"]
    out.append("}")
    return "\n".join(out) + "\n"


def sloth_error_and_total(kind, arg):
    """Sloth's error_query and total_query with $W for the window, as its users write them."""
    total = f'sum(rate({METRIC}_count{{job="{JOB}"}}[$W]))'
    if kind == "ratio":
        return f'sum(rate({METRIC}_count{{job="{JOB}",code=~"({arg})"}}[$W]))', total
    le = str(int(arg[:-2]) / 1000)
    return total + f' - sum(rate({METRIC}_bucket{{job="{JOB}",le="{le}"}}[$W]))', total


def sloth(n):
    """Rules shaped as Sloth generates them (../shared/interop/sloth/examples/_gen): per SLO a group of 8 error
    ratios (7 straight from the raw series, the period from the 5m ratio), a group of 7 metadata rules, a group of
    two alerts (page and ticket, two window pairs each)."""
    groups = []
    for name, objective, kind, arg in slos(n):
        ident = f"bench-{name}"
        labels = {"owner": "bench", "sloth_id": ident, "sloth_service": "bench", "sloth_slo": name}
        sel = f'{{sloth_id="{ident}", sloth_service="bench", sloth_slo="{name}"}}'
        error, total = sloth_error_and_total(kind, arg)
        ratio = float(objective[:-1]) / 100
        budget = f"{1 - ratio:.10g}"
        rules = [{"record": f"slo:sli_error:ratio_rate{w}",
                  "expr": f"({error.replace('$W', w)})\n/\n({total.replace('$W', w)})\n",
                  "labels": dict(labels, sloth_window=w)} for w in WINDOWS]
        rules.append({"record": "slo:sli_error:ratio_rate30d",
                      "expr": f"sum_over_time(slo:sli_error:ratio_rate5m{sel}[30d])\n/ ignoring (sloth_window)\n"
                              f"count_over_time(slo:sli_error:ratio_rate5m{sel}[30d])\n",
                      "labels": dict(labels, sloth_window="30d")})
        groups.append({"name": f"sloth-slo-sli-recordings-{ident}", "rules": rules})
        on = "/ on(sloth_id, sloth_slo, sloth_service) group_left\n"
        meta = [("slo:objective:ratio", f"vector({ratio})"),
                ("slo:error_budget:ratio", f"vector(1-{ratio})"),
                ("slo:time_period:days", "vector(30)"),
                ("slo:current_burn_rate:ratio", f"slo:sli_error:ratio_rate5m{sel}\n{on}slo:error_budget:ratio{sel}\n"),
                ("slo:period_burn_rate:ratio", f"slo:sli_error:ratio_rate30d{sel}\n{on}slo:error_budget:ratio{sel}\n"),
                ("slo:period_error_budget_remaining:ratio", f"1 - slo:period_burn_rate:ratio{sel}")]
        rules = [{"record": r, "expr": e, "labels": dict(labels)} for r, e in meta]
        rules.append({"record": "sloth_slo_info", "expr": "vector(1)",
                      "labels": dict(labels, sloth_objective=objective[:-1])})
        groups.append({"name": f"sloth-slo-meta-recordings-{ident}", "rules": rules})
        alerts = []
        for severity, pairs in (("page", PAGE), ("ticket", TICKET)):
            terms = [f"(\n    max(slo:sli_error:ratio_rate{short}{sel} > ({factor} * {budget})) without (sloth_window)\n"
                     f"    and\n"
                     f"    max(slo:sli_error:ratio_rate{long}{sel} > ({factor} * {budget})) without (sloth_window)\n)"
                     for factor, long, short in pairs]
            alerts.append({"alert": f"Bench{name.title().replace('-', '')}ErrorBudgetBurn",
                           "expr": "\nor\n".join(terms) + "\n", "labels": {"sloth_severity": severity}})
        groups.append({"name": f"sloth-slo-alerts-{ident}", "rules": alerts})
    return yaml.safe_dump({"groups": groups}, sort_keys=False, width=1000)


def counter(rate, t):
    """A counter at time t whose rate swings between 0.5x and 1.5x `rate` over an hour: smooth, never falling."""
    return rate * (t + 573.0 * math.sin(2 * math.pi * t / 3600))


def raw_series():
    """(metric name, labels text, events per second) of every raw series."""
    for instance in INSTANCES:
        for method in METHODS:
            for code, rate in CODES.items():
                labels = f'code="{code}",instance="{instance}",job="{JOB}",method="{method}"'
                yield f"{METRIC}_count", labels, rate
                for le, share in BUCKETS.items():
                    yield f"{METRIC}_bucket", f'{labels},le="{le}"', rate * share


def recorded_history(rule_files):
    """(name, labels text, group interval s, plausible value) of every recorded series some rule reads over a range:
    in a Prometheus that has run the rules for a month, those have a month of history (the others are read at one
    instant only). Every benchmark SLO is ungrouped, so a recorded series has exactly its rule's labels."""
    texts, rules = [], []
    for path in rule_files:
        doc = yaml.safe_load(open(path))
        for group in doc["groups"]:
            interval = parse_duration(group.get("interval", f"{STEP}s"))
            for rule in group["rules"]:
                texts.append(rule["expr"])
                if "record" in rule:
                    rules.append((rule["record"], rule.get("labels", {}), interval))
    ranged = set()
    for text in texts:
        ranged.update(re.findall(r"([a-zA-Z_:][a-zA-Z0-9_:]*)\{[^}]*\}\[", text))
    for name, labels, interval in rules:
        if name in ranged:
            value = 0.005 if "ratio" in name else 300.0 if "total" in name else 1.5
            yield name, ",".join(f'{k}="{v}"' for k, v in sorted(labels.items())), interval, value


def parse_duration(text):
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    return sum(int(n) * units[u] for n, u in re.findall(r"(\d+)([smhd])", text))


def history(raw_days, end, rule_files):
    """OpenMetrics for promtool: raw series over raw_days and recorded series over 30 days, ending before `end`."""
    out = sys.stdout
    for name, labels, rate in raw_series():
        start = end - raw_days * 86400
        out.write("".join(f"{name}{{{labels}}} {counter(rate, t):.3f} {t}\n" for t in range(start, end, STEP)))
    for name, labels, interval, value in recorded_history(rule_files):
        start = end - PERIOD_DAYS * 86400
        start -= start % interval
        out.write("".join(f"{name}{{{labels}}} {value * (1 + 0.2 * math.sin(t / 5000.0)):.6g} {t}\n"
                          for t in range(start, end, interval)))
    out.write("# EOF\n")


def exporter(port):
    class Metrics(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            now = time.time()
            body = "".join(f"{name}{{{labels}}} {counter(rate, now):.3f}\n"
                           for name, labels, rate in raw_series()).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; version=0.0.4")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    http.server.HTTPServer(("127.0.0.1", port), Metrics).serve_forever()


def get(url, **params):
    with urllib.request.urlopen(url + "?" + urllib.parse.urlencode(params), timeout=120) as response:
        return json.load(response)


def groups(base):
    return get(base + "/api/v1/rules")["data"]["groups"]


def wait_for_cycles(base, cycles):
    """Until every group has evaluated and the shortest-interval groups have done `cycles` evaluations since."""
    first = {}
    while True:
        gs = groups(base)
        for g in gs:
            if g["lastEvaluation"] > "2000" and g["name"] not in first:
                first[g["name"]] = time.time()
        if len(first) == len(gs) and time.time() - max(first.values()) >= cycles * STEP:
            return
        time.sleep(5)


def group_metrics(base):
    """{(file, group): (last duration seconds, last evaluation samples)} from Prometheus's own metrics."""
    with urllib.request.urlopen(base + "/metrics", timeout=60) as response:
        text = response.read().decode()
    found = {}
    for name, key, value in re.findall(r'^prometheus_rule_group_last_(duration_seconds|evaluation_samples)'
                                       r'\{rule_group="([^"]*)"\} (\S+)$', text, re.M):
        found.setdefault(tuple(key.split(";", 1)), {})[name] = float(value)
    return {k: (v["duration_seconds"], v["evaluation_samples"]) for k, v in found.items()}


def measure(base, files, n, rounds):
    """Per rule file: evaluation seconds, samples read and samples written per 30s cycle (a group evaluated every
    5m counts a tenth of each evaluation) and recording rules."""
    readings = {}
    for _ in range(rounds):
        for key, value in group_metrics(base).items():
            readings.setdefault(key, []).append(value)
        time.sleep(STEP)
    result = {}
    for g in groups(base):
        share = STEP / g["interval"]
        row = result.setdefault(g["file"], {"seconds": 0.0, "read": 0.0, "records": 0, "written": 0.0})
        values = readings[(g["file"], g["name"])]
        row["seconds"] += statistics.median(v[0] for v in values) * share
        row["written"] += values[-1][1] * share
        for rule in g["rules"]:
            stats = get(base + "/api/v1/query", query=rule["query"], stats="all")
            row["read"] += stats["data"]["stats"]["samples"]["totalQueryableSamples"] * share
            row["records"] += rule["type"] == "recording"
    sloc, sloth_ = (result[next(f for f in result if f.endswith(name))] for name in files)
    print(f"{n} SLOs on {len(list(raw_series()))} raw series; per SLO and 30s evaluation cycle (medians of {rounds} "
          f"readings of each group's prometheus_rule_group_last_duration_seconds):")
    print()
    print("| rules        | recording rules | eval seconds | samples read | samples written |")
    print("|--------------|-----------------|--------------|--------------|-----------------|")
    for label, row in (("sloc", sloc), ("Sloth-shaped", sloth_)):
        print(f"| {label:<12} | {row['records'] / n:15.1f} | {row['seconds'] / n:12.4f} | {row['read'] / n:12,.0f} "
              f"| {row['written'] / n:15.1f} |")
    print()
    print(f"sloc / Sloth: eval time {sloc['seconds'] / sloth_['seconds']:.3f}, "
          f"samples read {sloc['read'] / sloth_['read']:.4f} (1/{sloth_['read'] / sloc['read']:.0f})")


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "spec":
        sys.stdout.write(spec(int(args[0])))
    elif command == "sloth":
        sys.stdout.write(sloth(int(args[0])))
    elif command == "history":
        history(int(args[0]), int(args[1]), args[2:])
    elif command == "exporter":
        exporter(int(args[0]))
    elif command == "wait":
        wait_for_cycles(args[0], int(args[1]))
    elif command == "measure":
        measure(args[0], args[1:3], int(args[3]), int(args[4]))
    else:
        sys.exit(f"unknown command {command}")
