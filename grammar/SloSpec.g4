// The sloc SLO spec language: services, SLOs, burn-rate policies, plain alerts, runbooks and dashboards.
// Every field is `keyword value`; blocks use braces; `#` starts a comment. Embedded PromQL goes between
// backticks, so its line/column mapping to the spec file is exact. Semantics live in io.sloc.compiler.
grammar SloSpec;

@header {package io.sloc.dsl.antlr;}

specFile    : importDecl* declaration* EOF ;
importDecl  : IMPORT STRING ;
declaration : serviceDecl | policyDecl | runbookDecl | prometheusDecl | alertmanagerDecl ;

// ---- services -------------------------------------------------------------------------------------------------
serviceDecl : SERVICE name LBRACE serviceItem* RBRACE ;
serviceItem
    : labelsBlock                         # serviceLabels
    | RUNBOOK_BASE_URL STRING             # serviceRunbookBaseUrl
    | sloDecl                             # serviceSlo
    | alertDecl                           # serviceAlert
    | dashboardDecl                       # serviceDashboard
    | RECORD STRING promql                # serviceRecord
    ;

// ---- SLOs -----------------------------------------------------------------------------------------------------
sloDecl : SLO name LBRACE sloItem* RBRACE ;
sloItem
    : DESCRIPTION STRING                  # sloDescription
    | OBJECTIVE PERCENT                   # sloObjective
    | WINDOW DURATION                     # sloWindow
    | SLI sliDecl                         # sloSli
    | BY LPAREN name (COMMA name)* RPAREN # sloGroupBy
    | ALERTING (name | policyBody)        # sloAlerting
    | RUNBOOK name                        # sloRunbook
    | labelsBlock                         # sloLabels
    ;
sliDecl
    : RATIO LBRACE ratioItem* RBRACE      # ratioSli
    | LATENCY LBRACE latencyItem* RBRACE  # latencySli
    | AVAILABILITY promql                 # availabilitySli
    ;
ratioItem
    : ERRORS promql                       # ratioErrors
    | GOOD promql                         # ratioGood
    | TOTAL promql                        # ratioTotal
    ;
latencyItem
    : HISTOGRAM promql                    # latencyHistogram
    | NATIVE_HISTOGRAM promql             # latencyNativeHistogram
    | FASTER_THAN DURATION                # latencyThreshold
    | SCHEMA number                       # latencySchema
    ;

// ---- multi-window multi-burn-rate policies ---------------------------------------------------------------------
policyDecl : POLICY name policyBody ;
policyBody : LBRACE policyItem* RBRACE ;
policyItem
    : WINDOW LBRACE windowItem* RBRACE    # policyWindow
    | FOR DURATION                        # policyFor
    | KEEP_FIRING_FOR DURATION            # policyKeepFiringFor
    | MIN_TRAFFIC number                  # policyMinTraffic
    | labelsBlock                         # policyLabels
    | annotationsBlock                    # policyAnnotations
    | ALERT_NAME name                     # policyAlertName
    ;
windowItem
    : BUDGET PERCENT                      # windowBudget
    | FACTOR number                       # windowFactor
    | LONG DURATION                       # windowLong
    | SHORT DURATION                      # windowShort
    | SEVERITY name                       # windowSeverity
    | FOR DURATION                        # windowFor
    | KEEP_FIRING_FOR DURATION            # windowKeepFiringFor
    | labelsBlock                         # windowLabels
    | annotationsBlock                    # windowAnnotations
    ;

// ---- plain alerting rules --------------------------------------------------------------------------------------
alertDecl : ALERT name LBRACE alertItem* RBRACE ;
alertItem
    : EXPR promql                         # alertExpr
    | FOR DURATION                        # alertFor
    | KEEP_FIRING_FOR DURATION            # alertKeepFiringFor
    | SEVERITY name                       # alertSeverity
    | SLO name                            # alertSlo
    | RUNBOOK name                        # alertRunbook
    | labelsBlock                         # alertLabels
    | annotationsBlock                    # alertAnnotations
    ;

// ---- runbooks --------------------------------------------------------------------------------------------------
runbookDecl : RUNBOOK name LBRACE runbookItem* RBRACE ;
runbookItem
    : TITLE STRING                        # runbookTitle
    | DESCRIPTION STRING                  # runbookDescription
    | STEP STRING                         # runbookStep
    ;

// ---- dashboards ------------------------------------------------------------------------------------------------
dashboardDecl : DASHBOARD LBRACE dashboardItem* RBRACE ;
dashboardItem
    : TITLE STRING                        # dashboardTitle
    | ROW STRING LBRACE panelDecl* RBRACE # dashboardRow
    ;
panelDecl : PANEL name STRING LBRACE panelItem* RBRACE ;
panelItem
    : QUERY promql (LEGEND STRING)?       # panelQuery
    | DESCRIPTION STRING                  # panelDescription
    | UNIT STRING                         # panelUnit
    | MIN number                          # panelMin
    | MAX number                          # panelMax
    | WIDTH number                        # panelWidth
    | THRESHOLDS LBRACE BASE colour (number colour)* RBRACE # panelThresholds
    ;
colour : name | STRING ;

// ---- the monitoring stack: the Prometheus server and Alertmanager's routing ---------------------------------------
prometheusDecl : PROMETHEUS LBRACE prometheusItem* RBRACE ;
prometheusItem
    : SCRAPE_INTERVAL DURATION            # prometheusScrapeInterval
    | EVALUATION_INTERVAL DURATION        # prometheusEvaluationInterval
    | RETENTION DURATION                  # prometheusRetention
    | EXTERNAL_LABELS LBRACE (pair COMMA?)* RBRACE # prometheusExternalLabels
    | ALERTMANAGERS stringList            # prometheusAlertmanagers
    | SCRAPE name LBRACE scrapeItem* RBRACE # prometheusScrape
    ;
scrapeItem
    : TARGETS stringList                  # scrapeTargets
    | METRICS_PATH STRING                 # scrapeMetricsPath
    | INTERVAL DURATION                   # scrapeInterval
    ;

alertmanagerDecl : ALERTMANAGER LBRACE alertmanagerItem* RBRACE ;
alertmanagerItem
    : RECEIVER name LBRACE integration* RBRACE # alertmanagerReceiver
    | routeDecl                           # alertmanagerRoute
    | INHIBIT LBRACE inhibitItem* RBRACE  # alertmanagerInhibit
    ;
// `webhook { url: "..." }`, `slack { api_url_file: "..." }`...: the kinds and their settings are checked by the compiler.
integration : name LBRACE (pair COMMA?)* RBRACE ;
routeDecl : ROUTE LBRACE routeItem* RBRACE ;
routeItem
    : MATCH LBRACE (pair COMMA?)* RBRACE  # routeMatch
    | RECEIVER name                       # routeReceiver
    | GROUP_BY nameList                   # routeGroupBy
    | GROUP_WAIT DURATION                 # routeGroupWait
    | GROUP_INTERVAL DURATION             # routeGroupInterval
    | REPEAT_INTERVAL DURATION            # routeRepeatInterval
    | routeDecl                           # routeChild
    ;
inhibitItem
    : SOURCE LBRACE (pair COMMA?)* RBRACE # inhibitSource
    | TARGET LBRACE (pair COMMA?)* RBRACE # inhibitTarget
    | EQUAL nameList                      # inhibitEqual
    ;
nameList   : LPAREN name (COMMA name)* RPAREN ;
stringList : LPAREN STRING (COMMA STRING)* RPAREN ;

// ---- shared pieces ---------------------------------------------------------------------------------------------
labelsBlock      : LABELS LBRACE (pair COMMA?)* RBRACE ;
annotationsBlock : ANNOTATIONS LBRACE (pair COMMA?)* RBRACE ;
pair             : name COLON STRING ;
promql           : PROMQL ;
number           : MINUS? NUMBER ;
// Keywords are reserved only where they start a field: an SLO may be called `latency` or `availability`.
name : IDENT | IMPORT | SERVICE | RUNBOOK_BASE_URL | SLO | DESCRIPTION | OBJECTIVE | WINDOW | SLI | BY | ALERTING
     | RUNBOOK | RATIO | LATENCY | AVAILABILITY | ERRORS | GOOD | TOTAL | HISTOGRAM | NATIVE_HISTOGRAM | SCHEMA | FASTER_THAN | POLICY | FOR
     | KEEP_FIRING_FOR | MIN_TRAFFIC | BUDGET | FACTOR | LONG | SHORT | SEVERITY | ALERT | EXPR | TITLE | STEP
     | DASHBOARD | ROW | PANEL | QUERY | LEGEND | UNIT | MIN | MAX | WIDTH | THRESHOLDS | BASE | LABELS
     | ANNOTATIONS | ALERT_NAME | RECORD | PROMETHEUS | SCRAPE_INTERVAL | EVALUATION_INTERVAL | RETENTION
     | EXTERNAL_LABELS | ALERTMANAGERS | SCRAPE | TARGETS | METRICS_PATH | INTERVAL | ALERTMANAGER | RECEIVER | ROUTE
     | MATCH | GROUP_BY | GROUP_WAIT | GROUP_INTERVAL | REPEAT_INTERVAL | INHIBIT | SOURCE | TARGET | EQUAL ;

IMPORT           : 'import' ;
SERVICE          : 'service' ;
RUNBOOK_BASE_URL : 'runbook_base_url' ;
SLO              : 'slo' ;
DESCRIPTION      : 'description' ;
OBJECTIVE        : 'objective' ;
WINDOW           : 'window' ;
SLI              : 'sli' ;
BY               : 'by' ;
ALERTING         : 'alerting' ;
RUNBOOK          : 'runbook' ;
RATIO            : 'ratio' ;
LATENCY          : 'latency' ;
AVAILABILITY     : 'availability' ;
ERRORS           : 'errors' ;
GOOD             : 'good' ;
TOTAL            : 'total' ;
HISTOGRAM        : 'histogram' ;
NATIVE_HISTOGRAM : 'native_histogram' ;
SCHEMA           : 'schema' ;
FASTER_THAN      : 'faster_than' ;
POLICY           : 'policy' ;
FOR              : 'for' ;
KEEP_FIRING_FOR  : 'keep_firing_for' ;
MIN_TRAFFIC      : 'min_traffic' ;
BUDGET           : 'budget' ;
FACTOR           : 'factor' ;
LONG             : 'long' ;
SHORT            : 'short' ;
SEVERITY         : 'severity' ;
ALERT            : 'alert' ;
ALERT_NAME       : 'alert_name' ;
EXPR             : 'expr' ;
TITLE            : 'title' ;
STEP             : 'step' ;
DASHBOARD        : 'dashboard' ;
ROW              : 'row' ;
PANEL            : 'panel' ;
QUERY            : 'query' ;
LEGEND           : 'legend' ;
UNIT             : 'unit' ;
MIN              : 'min' ;
MAX              : 'max' ;
WIDTH            : 'width' ;
THRESHOLDS       : 'thresholds' ;
BASE             : 'base' ;
LABELS           : 'labels' ;
ANNOTATIONS      : 'annotations' ;
RECORD           : 'record' ;
PROMETHEUS       : 'prometheus' ;
SCRAPE_INTERVAL  : 'scrape_interval' ;
EVALUATION_INTERVAL : 'evaluation_interval' ;
RETENTION        : 'retention' ;
EXTERNAL_LABELS  : 'external_labels' ;
ALERTMANAGERS    : 'alertmanagers' ;
SCRAPE           : 'scrape' ;
TARGETS          : 'targets' ;
METRICS_PATH     : 'metrics_path' ;
INTERVAL         : 'interval' ;
ALERTMANAGER     : 'alertmanager' ;
RECEIVER         : 'receiver' ;
ROUTE            : 'route' ;
MATCH            : 'match' ;
GROUP_BY         : 'group_by' ;
GROUP_WAIT       : 'group_wait' ;
GROUP_INTERVAL   : 'group_interval' ;
REPEAT_INTERVAL  : 'repeat_interval' ;
INHIBIT          : 'inhibit' ;
SOURCE           : 'source' ;
TARGET           : 'target' ;
EQUAL            : 'equal' ;

LBRACE : '{' ;
RBRACE : '}' ;
LPAREN : '(' ;
RPAREN : ')' ;
COMMA  : ',' ;
COLON  : ':' ;
MINUS  : '-' ;

// Prometheus duration syntax (units largest first, e.g. 1h30m); checked again by Durations.parse.
DURATION : ([0-9]+ ('ms' | 's' | 'm' | 'h' | 'd' | 'w' | 'y'))+ ;
PERCENT  : [0-9]+ ('.' [0-9]+)? '%' ;
NUMBER   : [0-9]+ ('.' [0-9]+)? ;
IDENT    : [a-zA-Z_] [a-zA-Z0-9_-]* ;
STRING   : '"' (~["\\\r\n] | '\\' .)* '"' ;
// Raw PromQL between backticks, may span lines; no escapes, so columns map 1:1 to the spec file.
PROMQL   : '`' ~'`'* '`' ;
// Unterminated strings and PromQL blocks get their own tokens so the error message can say so.
UNTERMINATED_STRING : '"' (~["\\\r\n] | '\\' .)* ;
UNTERMINATED_PROMQL : '`' ~'`'* EOF ;

COMMENT : '#' ~[\r\n]* -> channel(HIDDEN) ;
WS      : [ \t\r\n]+ -> skip ;
// Anything else becomes one token the parser rejects with a located message (instead of a lexer error).
UNEXPECTED : . ;
