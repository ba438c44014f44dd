package io.dynabox.engine.expression;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an expression into tokens as the service does: names start with a letter, {@code #}
 * and {@code :} placeholders take letters, digits and underscores, list indexes are {@code 0}
 * or a number without a leading zero, and any other character is a one-character token that
 * the parser will refuse (so {@code 'x'} fails on {@code "'"}).
 */
final class Lexer {
    private Lexer() {}

    enum Kind { NAME, NAME_REF, VALUE_REF, NUMBER, LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, DOT,
        EQ, NE, LT, LE, GT, GE, PLUS, MINUS, OTHER, EOF }

    record Token(Kind kind, String text, int start, int end) {
        boolean isWord(String word) {
            return kind == Kind.NAME && text.equalsIgnoreCase(word);
        }

        /** The token as syntax errors show it. */
        String shown() {
            return kind == Kind.EOF ? "<EOF>" : text;
        }
    }

    static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
                continue;
            }
            int start = i;
            Kind kind;
            if (isLetter(c)) {
                i++;
                while (i < n && isWordPart(text.charAt(i))) i++;
                kind = Kind.NAME;
            } else if ((c == '#' || c == ':') && i + 1 < n && isWordPart(text.charAt(i + 1))) {
                i++;
                while (i < n && isWordPart(text.charAt(i))) i++;
                kind = c == '#' ? Kind.NAME_REF : Kind.VALUE_REF;
            } else if (c >= '0' && c <= '9') {
                i++;
                if (c != '0') while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') i++;
                kind = Kind.NUMBER;
            } else {
                i++;
                kind = switch (c) {
                    case '(' -> Kind.LPAREN;
                    case ')' -> Kind.RPAREN;
                    case '[' -> Kind.LBRACKET;
                    case ']' -> Kind.RBRACKET;
                    case ',' -> Kind.COMMA;
                    case '.' -> Kind.DOT;
                    case '=' -> Kind.EQ;
                    case '+' -> Kind.PLUS;
                    case '-' -> Kind.MINUS;
                    case '<' -> {
                        if (i < n && text.charAt(i) == '=') { i++; yield Kind.LE; }
                        if (i < n && text.charAt(i) == '>') { i++; yield Kind.NE; }
                        yield Kind.LT;
                    }
                    case '>' -> {
                        if (i < n && text.charAt(i) == '=') { i++; yield Kind.GE; }
                        yield Kind.GT;
                    }
                    default -> {
                        if (Character.isHighSurrogate(c) && i < n) i++;
                        yield Kind.OTHER;
                    }
                };
            }
            tokens.add(new Token(kind, text.substring(start, i), start, i));
        }
        tokens.add(new Token(Kind.EOF, "", n, n));
        return tokens;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isWordPart(char c) {
        return isLetter(c) || (c >= '0' && c <= '9') || c == '_';
    }
}
