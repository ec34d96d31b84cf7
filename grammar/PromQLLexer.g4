/*
 * Lexer for PromQL expressions as accepted by Prometheus 2.42 (promql/parser: lex.go + generated_parser.y), and
 * after setPrometheus3(true), by Prometheus 3 (its keywords and duration expressions inside [...]).
 *
 * The lexer follows Prometheus's context-sensitive scanner with modes: inside {...} every word is a plain
 * identifier, keywords included; right after '[' comes one duration; then, until ']', a letter or ':' is a lone
 * colon character, as in lex.go. Numbers and durations run into letters become NUMBER_ERROR by longest match.
 * No semantic predicates: they would keep ANTLR from caching the lexer's DFA.
 * Words are classified as keywords case-insensitively by an action, as lex.go does with its `key` map.
 * Tokens that Prometheus's lexer rejects are kept as *_ERROR tokens; io.sloc.promql.parser turns them into
 * Prometheus's exact lexer messages when the parser reaches them (Prometheus reports lexer errors lazily too).
 */
lexer grammar PromQLLexer;

@header {package io.sloc.promql.antlr;}

tokens {
    AVG, BOTTOMK, COUNT, COUNT_VALUES, GROUP, MAX, MIN, QUANTILE, STDDEV, STDVAR, SUM, TOPK,
    BOOL, BY, GROUP_LEFT, GROUP_RIGHT, IGNORING, OFFSET, ON, WITHOUT, START, END,
    LAND, LOR, LUNLESS, ATAN2, METRIC_IDENTIFIER,
    // '(' right after group_left/group_right: always their label list, as in Prometheus's LALR(1) parser.
    INCLUDE_PAREN,
    // Prometheus 3 keywords (plain identifiers for 2.42), see setPrometheus3(): aggregations, duration functions,
    // extended range selectors, fill modifiers.
    LIMITK, LIMIT_RATIO, STEP, RANGE, MIN_OF, MAX_OF, ANCHORED, SMOOTHED, FILL, FILL_LEFT, FILL_RIGHT,
    DURATION_EXPR_CHARACTER_ERROR
}

@members {
    private static final java.util.Map<String, Integer> KEYWORDS = java.util.Map.ofEntries(
        java.util.Map.entry("and", LAND), java.util.Map.entry("or", LOR), java.util.Map.entry("unless", LUNLESS),
        java.util.Map.entry("atan2", ATAN2),
        java.util.Map.entry("sum", SUM), java.util.Map.entry("avg", AVG), java.util.Map.entry("count", COUNT),
        java.util.Map.entry("min", MIN), java.util.Map.entry("max", MAX), java.util.Map.entry("group", GROUP),
        java.util.Map.entry("stddev", STDDEV), java.util.Map.entry("stdvar", STDVAR),
        java.util.Map.entry("topk", TOPK), java.util.Map.entry("bottomk", BOTTOMK),
        java.util.Map.entry("count_values", COUNT_VALUES), java.util.Map.entry("quantile", QUANTILE),
        java.util.Map.entry("offset", OFFSET), java.util.Map.entry("by", BY), java.util.Map.entry("without", WITHOUT),
        java.util.Map.entry("on", ON), java.util.Map.entry("ignoring", IGNORING),
        java.util.Map.entry("group_left", GROUP_LEFT), java.util.Map.entry("group_right", GROUP_RIGHT),
        java.util.Map.entry("bool", BOOL), java.util.Map.entry("inf", NUMBER), java.util.Map.entry("nan", NUMBER),
        java.util.Map.entry("start", START), java.util.Map.entry("end", END));

    /** Keywords Prometheus 3 added; in 2.42 these words are plain identifiers. */
    private static final java.util.Map<String, Integer> KEYWORDS_3 = java.util.Map.ofEntries(
        java.util.Map.entry("limitk", LIMITK), java.util.Map.entry("limit_ratio", LIMIT_RATIO),
        java.util.Map.entry("anchored", ANCHORED), java.util.Map.entry("smoothed", SMOOTHED),
        java.util.Map.entry("fill", FILL), java.util.Map.entry("fill_left", FILL_LEFT),
        java.util.Map.entry("fill_right", FILL_RIGHT));
    /** Prometheus 3's duration keywords, also the only words lex.go accepts inside [...]. */
    private static final java.util.Map<String, Integer> DURATION_KEYWORDS = java.util.Map.of(
        "step", STEP, "range", RANGE, "min_of", MIN_OF, "max_of", MAX_OF);

    private boolean prometheus3;

    /** Lexes Prometheus 3's keywords too, and duration expressions inside [...]. */
    public void setPrometheus3(boolean prometheus3) {
        this.prometheus3 = prometheus3;
    }

    /** lex.go's lexKeywordOrIdentifier: keywords (any case), else a word with ':' is a metric identifier. */
    private int classifyWord(String word) {
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        Integer keyword = KEYWORDS.get(lower);
        if (keyword == null && prometheus3) {
            keyword = DURATION_KEYWORDS.getOrDefault(lower, KEYWORDS_3.get(lower));
            // fill, fill_left and fill_right are keywords only before '(', so that they still name metrics.
            if (keyword != null && lower.startsWith("fill") && !followedByLeftParen()) {
                keyword = null;
            }
        }
        if (keyword != null) {
            return keyword;
        }
        return word.indexOf(':') >= 0 ? METRIC_IDENTIFIER : IDENTIFIER;
    }

    private boolean followedByLeftParen() {
        for (int i = 1; ; i++) {
            int c = _input.LA(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return c == '(';
            }
        }
    }

    /** lex.go's scanDurationKeyword: inside [...] only the duration keywords are words. */
    private int durationKeyword(String word) {
        return DURATION_KEYWORDS.getOrDefault(word.toLowerCase(java.util.Locale.ROOT), DURATION_EXPR_CHARACTER_ERROR);
    }
}



fragment DIGIT : [0-9] ;
fragment HEX_DIGIT : [0-9a-fA-F] ;
// lex.go's scanNumber: [digits][.digits][e[+-]digits], or 0x followed by hex digits.
fragment NUMBER_BODY
    : '0' [xX] HEX_DIGIT* ('.' HEX_DIGIT*)?
    | (DIGIT+ ('.' DIGIT*)? | '.' DIGIT+) ([eE] [+-]? DIGIT*)?
    ;
fragment DURATION_UNITS : [smhdwy] 's'? (DIGIT+ [smhdw] 's'?)* ;
fragment ESCAPED_OR_PLAIN_DQ : '\\' . | ~["\\\n] ;
fragment ESCAPED_OR_PLAIN_SQ : '\\' . | ~['\\\n] ;
fragment QUOTED_STRING
    : '"' ESCAPED_OR_PLAIN_DQ* '"'
    | '\'' ESCAPED_OR_PLAIN_SQ* '\''
    | '`' ~'`'* '`'
    ;
fragment UNTERMINATED_QUOTED : '"' ESCAPED_OR_PLAIN_DQ* | '\'' ESCAPED_OR_PLAIN_SQ* ;
fragment UNTERMINATED_RAW : '`' ~'`'* ;

WS : [ \t\r\n]+ -> skip ;
COMMENT : '#' ~[\r\n]* -> skip ;

NUMBER : NUMBER_BODY ;
DURATION : NUMBER_BODY DURATION_UNITS ;
// A number run into letters that do not form a duration: "bad number or duration syntax" (longest match wins).
NUMBER_ERROR : NUMBER_BODY [a-zA-Z0-9_]+ ;
STRING : QUOTED_STRING ;
UNTERMINATED_STRING_ERROR : UNTERMINATED_QUOTED ;
UNTERMINATED_RAW_ERROR : UNTERMINATED_RAW ;

IDENTIFIER : [a-zA-Z_:] [a-zA-Z0-9_:]* { setType(classifyWord(getText())); } ;

LEFT_PAREN : '(' ;
RIGHT_PAREN : ')' ;
LEFT_BRACE : '{' -> pushMode(BRACES) ;
LEFT_BRACKET : '[' { pushMode(prometheus3 ? DURATION_EXPR : DURATION_START); } ;
RIGHT_BRACKET : ']' ;
COMMA : ',' ;
ADD : '+' ;
SUB : '-' ;
MUL : '*' ;
DIV : '/' ;
MOD : '%' ;
POW : '^' ;
EQLC : '==' ;
EQL : '=' ;
EQL_TILDE_ERROR : '=~' ;
NEQ : '!=' ;
BANG_ERROR : '!' ;
LTE : '<=' ;
// Prometheus 3's trim operators; io.sloc.promql.parser splits them back into '<' or '>' and '/' for 2.42.
TRIM_UPPER : '</' ;
TRIM_LOWER : '>/' ;
LSS : '<' ;
GTE : '>=' ;
GTR : '>' ;
AT : '@' ;
CHARACTER_ERROR : . ;

mode BRACES;
BRACES_WS : [ \t\r\n]+ -> skip ;
BRACES_COMMENT : '#' ~[\r\n]* -> skip ;
BRACES_IDENTIFIER : [a-zA-Z_] [a-zA-Z0-9_]* -> type(IDENTIFIER) ;
BRACES_COMMA : ',' -> type(COMMA) ;
BRACES_STRING : QUOTED_STRING -> type(STRING) ;
BRACES_UNTERMINATED_STRING : UNTERMINATED_QUOTED -> type(UNTERMINATED_STRING_ERROR) ;
BRACES_UNTERMINATED_RAW : UNTERMINATED_RAW -> type(UNTERMINATED_RAW_ERROR) ;
EQL_REGEX : '=~' ;
BRACES_EQL : '=' -> type(EQL) ;
NEQ_REGEX : '!~' ;
BRACES_NEQ : '!=' -> type(NEQ) ;
BRACES_BANG_ERROR : '!' ;
BRACES_LEFT_BRACE_ERROR : '{' ;
RIGHT_BRACE : '}' -> popMode ;
BRACES_CHARACTER_ERROR : . ;

// lex.go's lexDuration: what directly follows '[' is scanned as one duration; the token source reports
// anything else with lex.go's message.
mode DURATION_START;
DURATION_START_WS : [ \t\r\n]+ -> skip ;
DURATION_START_DURATION : NUMBER_BODY? DURATION_UNITS -> type(DURATION), mode(BRACKETS) ;
DURATION_START_OTHER : . -> mode(BRACKETS) ;

// The rest of [...]: lex.go's usual tokens, except that letters and ':' are single colon characters.
mode BRACKETS;
BRACKETS_WS : [ \t\r\n]+ -> skip ;
BRACKETS_COMMENT : '#' ~[\r\n]* -> skip ;
COLON : [a-zA-Z_:] ;
BRACKETS_NUMBER : NUMBER_BODY -> type(NUMBER) ;
BRACKETS_DURATION : NUMBER_BODY DURATION_UNITS -> type(DURATION) ;
BRACKETS_NUMBER_ERROR : NUMBER_BODY [a-zA-Z0-9_]+ -> type(NUMBER_ERROR) ;
BRACKETS_STRING : QUOTED_STRING -> type(STRING) ;
BRACKETS_UNTERMINATED_STRING : UNTERMINATED_QUOTED -> type(UNTERMINATED_STRING_ERROR) ;
BRACKETS_UNTERMINATED_RAW : UNTERMINATED_RAW -> type(UNTERMINATED_RAW_ERROR) ;
BRACKETS_RIGHT_BRACKET : ']' -> type(RIGHT_BRACKET), popMode ;
BRACKETS_LEFT_BRACKET : '[' -> type(LEFT_BRACKET) ;
BRACKETS_LEFT_BRACE : '{' -> type(LEFT_BRACE), pushMode(BRACES) ;
BRACKETS_LEFT_PAREN : '(' -> type(LEFT_PAREN) ;
BRACKETS_RIGHT_PAREN : ')' -> type(RIGHT_PAREN) ;
BRACKETS_COMMA : ',' -> type(COMMA) ;
BRACKETS_ADD : '+' -> type(ADD) ;
BRACKETS_SUB : '-' -> type(SUB) ;
BRACKETS_MUL : '*' -> type(MUL) ;
BRACKETS_DIV : '/' -> type(DIV) ;
BRACKETS_MOD : '%' -> type(MOD) ;
BRACKETS_POW : '^' -> type(POW) ;
BRACKETS_EQLC : '==' -> type(EQLC) ;
BRACKETS_EQL : '=' -> type(EQL) ;
BRACKETS_EQL_TILDE_ERROR : '=~' -> type(EQL_TILDE_ERROR) ;
BRACKETS_NEQ : '!=' -> type(NEQ) ;
BRACKETS_BANG_ERROR : '!' -> type(BANG_ERROR) ;
BRACKETS_LTE : '<=' -> type(LTE) ;
BRACKETS_TRIM_UPPER : '</' -> type(TRIM_UPPER) ;
BRACKETS_TRIM_LOWER : '>/' -> type(TRIM_LOWER) ;
BRACKETS_LSS : '<' -> type(LSS) ;
BRACKETS_GTE : '>=' -> type(GTE) ;
BRACKETS_GTR : '>' -> type(GTR) ;
BRACKETS_AT : '@' -> type(AT) ;
BRACKETS_CHARACTER_ERROR : . -> type(CHARACTER_ERROR) ;

// Prometheus 3's lexDurationExpr: [...] holds a duration expression (numbers, durations, arithmetic, step(),
// range(), min_of(), max_of()) and an optional subquery colon.
mode DURATION_EXPR;
DURATION_EXPR_WS : [ \t\r\n]+ -> skip ;
DURATION_EXPR_RIGHT_BRACKET : ']' -> type(RIGHT_BRACKET), popMode ;
DURATION_EXPR_COLON : ':' -> type(COLON) ;
DURATION_EXPR_LEFT_PAREN : '(' -> type(LEFT_PAREN) ;
DURATION_EXPR_RIGHT_PAREN : ')' -> type(RIGHT_PAREN) ;
DURATION_EXPR_COMMA : ',' -> type(COMMA) ;
DURATION_EXPR_ADD : '+' -> type(ADD) ;
DURATION_EXPR_SUB : '-' -> type(SUB) ;
DURATION_EXPR_MUL : '*' -> type(MUL) ;
DURATION_EXPR_DIV : '/' -> type(DIV) ;
DURATION_EXPR_MOD : '%' -> type(MOD) ;
DURATION_EXPR_POW : '^' -> type(POW) ;
DURATION_EXPR_NUMBER : NUMBER_BODY -> type(NUMBER) ;
DURATION_EXPR_DURATION : NUMBER_BODY DURATION_UNITS -> type(DURATION) ;
DURATION_EXPR_NUMBER_ERROR : NUMBER_BODY [a-zA-Z0-9_]+ -> type(NUMBER_ERROR) ;
DURATION_EXPR_WORD : [a-zA-Z_]+ { setType(durationKeyword(getText())); } ;
DURATION_EXPR_OTHER : . -> type(DURATION_EXPR_CHARACTER_ERROR) ;
