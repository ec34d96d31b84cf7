/*
 * Parser for PromQL expressions as accepted by Prometheus 2.42 (promql/parser/generated_parser.y), and with
 * {@code prometheus3} set, by Prometheus 3 (quoted names, duration expressions, fill modifiers); tokens come
 * from PromQLLexer.g4. Positions, values and all semantic checks are handled by io.sloc.promql.parser.
 */
parser grammar PromQLParser;

options { tokenVocab = PromQLLexer; }

@header {package io.sloc.promql.antlr;}

@members {
    /** Set for Prometheus 3's grammar: quoted names, duration expressions, duration literals as numbers. */
    public boolean prometheus3;
}


query
    : expr EOF
    ;

// Alternatives are listed from the tightest binding to the loosest. Unary +/- sits between '^' and '*' like
// Prometheus's `unary_op expr %prec MUL`: -a*b is (-a)*b but -a^b is -(a^b).
expr
    // One alternative for both, so that choosing it needs no look past '[' (and no semantic predicate).
    : expr LEFT_BRACKET range=durationExpr (colon=COLON step=durationExpr?)? RIGHT_BRACKET    # rangeSelector
    | expr OFFSET offsetDuration                                                # offsetModifier
    | expr AT atTimestamp                                                       # atModifier
    | expr modifier=(ANCHORED | SMOOTHED)                                       # rangeExtension
    | <assoc=right> expr op=POW binModifier expr                                # binary
    | op=(ADD | SUB) expr                                                       # unary
    | expr op=(MUL | DIV | MOD | ATAN2) binModifier expr                        # binary
    | expr op=(ADD | SUB) binModifier expr                                      # binary
    | expr op=(EQLC | NEQ | LTE | LSS | GTE | GTR | TRIM_UPPER | TRIM_LOWER) binModifier expr # binary
    | expr op=(LAND | LUNLESS) binModifier expr                                 # binary
    | expr op=LOR binModifier expr                                              # binary
    | aggregateOp aggregateModifier callArguments                               # aggregation
    | aggregateOp callArguments aggregateModifier?                              # aggregation
    | name=(IDENTIFIER | STEP | RANGE | MIN_OF | MAX_OF) callArguments         # functionCall
    // The predicate follows the name so that 2.42 reports the '(' after start or end, as its parser does.
    | name=(START | END) {prometheus3}? callArguments                           # functionCall
    | vectorSelector                                                            # selector
    | NUMBER                                                                    # numberLiteral
    | {prometheus3}? DURATION                                                   # numberLiteral
    | STRING                                                                    # stringLiteral
    | LEFT_PAREN expr RIGHT_PAREN                                               # parens
    ;

// Prometheus 3's offset_duration_expr: an operand without binary operators unless parenthesised, so that
// "x offset 1m + 1" adds 1 to the offset selector.
offsetDuration
    : {!prometheus3}? SUB? DURATION
    | {prometheus3}? sign=(ADD | SUB)? durationAtom
    ;

// A range or subquery step: one duration in 2.42 (its lexer lets nothing else through '['), a duration
// expression in Prometheus 3. The predicates sit after the first operand, where prediction ignores them, so that 2.42
// reports the operator itself as unexpected.
durationExpr
    : <assoc=right> durationExpr {prometheus3}? op=POW durationExpr             # durationBinary
    | op=(ADD | SUB) durationExpr                                               # durationUnary
    | durationExpr {prometheus3}? op=(MUL | DIV | MOD) durationExpr             # durationBinary
    | durationExpr {prometheus3}? op=(ADD | SUB) durationExpr                   # durationBinary
    | durationAtom                                                              # durationOperand
    ;

durationAtom
    : literal=(NUMBER | DURATION)
    | function=(STEP | RANGE) LEFT_PAREN RIGHT_PAREN
    | function=(MIN_OF | MAX_OF) LEFT_PAREN durationExpr COMMA durationExpr RIGHT_PAREN
    | LEFT_PAREN durationExpr RIGHT_PAREN
    ;

atTimestamp
    : sign=(ADD | SUB)? NUMBER
    | sign=(ADD | SUB)? {prometheus3}? DURATION
    | (START | END) LEFT_PAREN RIGHT_PAREN
    ;

aggregateOp
    : SUM | AVG | COUNT | MIN | MAX | GROUP | STDDEV | STDVAR | TOPK | BOTTOMK | COUNT_VALUES | QUANTILE
    | LIMITK | LIMIT_RATIO
    ;

aggregateModifier
    : (BY | WITHOUT) groupingLabels
    ;

binModifier
    : BOOL? ((ON | IGNORING) groupingLabels ((GROUP_LEFT | GROUP_RIGHT) includeLabels?)?)? fillModifiers?
    ;

// Prometheus 3's binop fill modifiers (the lexer emits FILL* only there, and only before '(').
fillModifiers
    : FILL fill=fillValue
    | FILL_LEFT left=fillValue (FILL_RIGHT right=fillValue)?
    | FILL_RIGHT right=fillValue (FILL_LEFT left=fillValue)?
    ;

fillValue
    : LEFT_PAREN sign=(ADD | SUB)? value=(NUMBER | DURATION) RIGHT_PAREN
    ;

groupingLabels
    : LEFT_PAREN (labelName (COMMA labelName)* COMMA?)? RIGHT_PAREN
    ;

// The token source marks a '(' after group_left/group_right, so it cannot start the right-hand operand.
includeLabels
    : INCLUDE_PAREN (labelName (COMMA labelName)* COMMA?)? RIGHT_PAREN
    ;

// generated_parser.y's maybe_label: any keyword may name a label in a grouping list.
labelName
    : IDENTIFIER | SUM | AVG | COUNT | MIN | MAX | GROUP | STDDEV | STDVAR | TOPK | BOTTOMK | COUNT_VALUES
    | QUANTILE | BOOL | BY | GROUP_LEFT | GROUP_RIGHT | IGNORING | LAND | LOR | LUNLESS | OFFSET | ON
    | WITHOUT | START | END | ATAN2 | LIMITK | LIMIT_RATIO
    | STEP | RANGE | MIN_OF | MAX_OF | ANCHORED | SMOOTHED | FILL | FILL_LEFT | FILL_RIGHT
    | {prometheus3}? STRING
    ;

// A trailing comma is accepted here and reported by the AST builder with Prometheus's message.
callArguments
    : LEFT_PAREN (expr (COMMA expr)* COMMA?)? RIGHT_PAREN
    ;

vectorSelector
    : metricName labelMatchers?
    | labelMatchers
    ;

// generated_parser.y's metric_identifier: these keywords can also name a metric.
metricName
    : IDENTIFIER | METRIC_IDENTIFIER | SUM | AVG | COUNT | MIN | MAX | GROUP | STDDEV | STDVAR | TOPK
    | BOTTOMK | COUNT_VALUES | QUANTILE | BY | LAND | LOR | LUNLESS | OFFSET | WITHOUT | START | END
    | LIMITK | LIMIT_RATIO
    | STEP | RANGE | MIN_OF | MAX_OF | ANCHORED | SMOOTHED | FILL | FILL_LEFT | FILL_RIGHT
    ;

labelMatchers
    : LEFT_BRACE (labelMatcher (COMMA labelMatcher)* COMMA?)? RIGHT_BRACE
    ;

// Prometheus 3 also takes quoted label names and a quoted metric name alone: {"my.metric", "a.b"="c"}.
labelMatcher
    : name=IDENTIFIER op=(EQL | NEQ | EQL_REGEX | NEQ_REGEX) value=STRING
    | {prometheus3}? name=STRING op=(EQL | NEQ | EQL_REGEX | NEQ_REGEX) value=STRING
    | {prometheus3}? metric=STRING
    ;

