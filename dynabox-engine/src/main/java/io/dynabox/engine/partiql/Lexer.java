package io.dynabox.engine.partiql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a PartiQL statement into tokens: words (keywords and plain names, matched without
 * regard to case), {@code "quoted names"} (kept as written), {@code 'strings'} (a doubled
 * quote stands for one), numbers, {@code ?} parameters, and punctuation, including the
 * {@code <<} and {@code >>} that enclose a set. Positions are kept for error messages.
 */
final class Lexer {
    private Lexer() {}

    enum Kind { WORD, QUOTED, STRING, NUMBER, PARAMETER, ION, LPAREN, RPAREN, LBRACKET, RBRACKET, LBRACE, RBRACE,
        LBAG, RBAG, COMMA, DOT, COLON, STAR, EQ, NE, LT, LE, GT, GE, PLUS, MINUS, SLASH, PERCENT, SEMICOLON, OTHER, EOF }

    record Token(Kind kind, String text, int start, int end) {
        boolean isWord(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }
    }

    /** An unterminated string or quoted name: the statement is not well formed. */
    static final class Unterminated extends RuntimeException {
        final int at;

        Unterminated(int at) {
            super(null, null, false, false);
            this.at = at;
        }
    }

    static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') { // a comment to the end of the line
                while (i < n && text.charAt(i) != '\n') i++;
                continue;
            }
            int start = i;
            if (isWordStart(c)) {
                i++;
                while (i < n && isWordPart(text.charAt(i))) i++;
                tokens.add(new Token(Kind.WORD, text.substring(start, i), start, i));
            } else if (c == '"' || c == '\'') {
                StringBuilder value = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) throw new Unterminated(start);
                    char d = text.charAt(i++);
                    if (d == c) {
                        if (i < n && text.charAt(i) == c) {
                            value.append(c);
                            i++;
                            continue;
                        }
                        break;
                    }
                    value.append(d);
                }
                tokens.add(new Token(c == '"' ? Kind.QUOTED : Kind.STRING, value.toString(), start, i));
            } else if (c == '`') {
                int close = text.indexOf('`', i + 1);
                if (close < 0) throw new Unterminated(start);
                i = close + 1;
                tokens.add(new Token(Kind.ION, text.substring(start, i), start, i));
            } else if (isDigit(c) || (c == '.' && i + 1 < n && isDigit(text.charAt(i + 1)))) {
                while (i < n && isDigit(text.charAt(i))) i++;
                if (i < n && text.charAt(i) == '.') {
                    i++;
                    while (i < n && isDigit(text.charAt(i))) i++;
                }
                if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
                    int mark = i++;
                    if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) i++;
                    if (i < n && isDigit(text.charAt(i))) {
                        while (i < n && isDigit(text.charAt(i))) i++;
                    } else {
                        i = mark;
                    }
                }
                tokens.add(new Token(Kind.NUMBER, text.substring(start, i), start, i));
            } else {
                i++;
                Kind kind = switch (c) {
                    case '(' -> Kind.LPAREN;
                    case ')' -> Kind.RPAREN;
                    case '[' -> Kind.LBRACKET;
                    case ']' -> Kind.RBRACKET;
                    case '{' -> Kind.LBRACE;
                    case '}' -> Kind.RBRACE;
                    case ',' -> Kind.COMMA;
                    case '.' -> Kind.DOT;
                    case ':' -> Kind.COLON;
                    case '*' -> Kind.STAR;
                    case '?' -> Kind.PARAMETER;
                    case '=' -> Kind.EQ;
                    case '+' -> Kind.PLUS;
                    case '-' -> Kind.MINUS;
                    case '/' -> Kind.SLASH;
                    case '%' -> Kind.PERCENT;
                    case ';' -> Kind.SEMICOLON;
                    case '!' -> {
                        if (i < n && text.charAt(i) == '=') { i++; yield Kind.NE; }
                        yield Kind.OTHER;
                    }
                    case '<' -> {
                        if (i < n && text.charAt(i) == '=') { i++; yield Kind.LE; }
                        if (i < n && text.charAt(i) == '>') { i++; yield Kind.NE; }
                        if (i < n && text.charAt(i) == '<') { i++; yield Kind.LBAG; }
                        yield Kind.LT;
                    }
                    case '>' -> {
                        if (i < n && text.charAt(i) == '=') { i++; yield Kind.GE; }
                        if (i < n && text.charAt(i) == '>') { i++; yield Kind.RBAG; }
                        yield Kind.GT;
                    }
                    default -> Kind.OTHER;
                };
                tokens.add(new Token(kind, text.substring(start, i), start, i));
            }
        }
        tokens.add(new Token(Kind.EOF, "", n, n));
        return tokens;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
    }

    private static boolean isWordPart(char c) {
        return isWordStart(c) || isDigit(c);
    }
}
