package org.tinytitans.language.ast;

public enum TokenKind {
    /** letters, digits, '_' and '-', not starting with a digit */
    NAME,
    /** a number with an optional unit glued to it: 50%, 0.432kg/kWh, 1e-4 */
    NUMBER,
    /** N:M sparsity pattern such as 2:4 */
    PATTERN,
    STRING,
    /** comparison operator: <=, <, >=, >, == */
    OP,
    LBRACE, RBRACE, COMMA, SEMICOLON, NEWLINE,
    /** '#' or '//' to the end of the line; kept for the formatter */
    COMMENT,
    /** a character the language does not know */
    ERROR,
    EOF
}
