/*
 * Parser for PromQL expressions as accepted by Prometheus 2.42 (promql/parser/generated_parser.y); tokens come
 * from PromQLLexer.g4. Positions, values and all semantic checks are handled by io.sloc.promql.parser.
 */
parser grammar PromQLParser;

options { tokenVocab = PromQLLexer; }

@header {package io.sloc.promql.antlr;}


query
    : expr EOF
    ;

// Alternatives are listed from the tightest binding to the loosest. Unary +/- sits between '^' and '*' like
// Prometheus's `unary_op expr %prec MUL`: -a*b is (-a)*b but -a^b is -(a^b).
expr
    : expr LEFT_BRACKET DURATION RIGHT_BRACKET                                  # matrixSelector
    | expr LEFT_BRACKET range=DURATION COLON step=DURATION? RIGHT_BRACKET       # subquery
    | expr OFFSET SUB? DURATION                                                 # offsetModifier
    | expr AT atTimestamp                                                       # atModifier
    | <assoc=right> expr op=POW binModifier expr                                # binary
    | op=(ADD | SUB) expr                                                       # unary
    | expr op=(MUL | DIV | MOD | ATAN2) binModifier expr                        # binary
    | expr op=(ADD | SUB) binModifier expr                                      # binary
    | expr op=(EQLC | NEQ | LTE | LSS | GTE | GTR) binModifier expr             # binary
    | expr op=(LAND | LUNLESS) binModifier expr                                 # binary
    | expr op=LOR binModifier expr                                              # binary
    | aggregateOp aggregateModifier callArguments                               # aggregation
    | aggregateOp callArguments aggregateModifier?                              # aggregation
    | IDENTIFIER callArguments                                                  # functionCall
    | vectorSelector                                                            # selector
    | NUMBER                                                                    # numberLiteral
    | STRING                                                                    # stringLiteral
    | LEFT_PAREN expr RIGHT_PAREN                                               # parens
    ;

atTimestamp
    : sign=(ADD | SUB)? NUMBER
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
    : BOOL? ((ON | IGNORING) groupingLabels ((GROUP_LEFT | GROUP_RIGHT) includeLabels?)?)?
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
    ;

labelMatchers
    : LEFT_BRACE (labelMatcher (COMMA labelMatcher)* COMMA?)? RIGHT_BRACE
    ;

labelMatcher
    : IDENTIFIER op=(EQL | NEQ | EQL_REGEX | NEQ_REGEX) STRING
    ;

