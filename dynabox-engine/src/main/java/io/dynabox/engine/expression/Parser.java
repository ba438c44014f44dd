package io.dynabox.engine.expression;

import io.dynabox.engine.expression.Lexer.Kind;
import io.dynabox.engine.expression.Lexer.Token;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The syntax of the expression language: conditions (also key conditions and filters),
 * update expressions and projections. It checks syntax only; names, values, functions and
 * types are checked when the tree is bound to a request ({@link Binder}), so a parsed tree
 * can be cached by its text.
 *
 * <p>Where the grammar is ambiguous (a parenthesis may open a condition or an operand) the
 * parser backtracks; a syntax error is reported at the furthest token any alternative
 * reached, as the service's parser does: {@code token: "<that token>", near: "<from the
 * token before it to the end of the token after it>"}.
 */
final class Parser {
    private static final Set<String> CONDITION_KEYWORDS = Set.of("AND", "OR", "NOT", "BETWEEN", "IN");
    private static final Set<String> UPDATE_KEYWORDS = Set.of("SET", "REMOVE", "ADD", "DELETE");

    /** A parsed tree, with the problems only the syntax can show (redundant parentheses, an index out of range). */
    record Parsed<T>(T tree, String redundantParentheses, String indexOutOfRange) {}

    private static final class Fail extends RuntimeException {
        Fail() {
            super(null, null, false, false);
        }
    }

    private static final Fail FAIL = new Fail();

    private final String text;
    private final List<Token> tokens;
    private final Set<String> keywords;
    private int pos;
    private int furthest;
    private boolean redundant;
    private String indexError;
    private final Set<Object> parenthesized = Collections.newSetFromMap(new IdentityHashMap<>());

    private Parser(String text, Set<String> keywords) {
        this.text = text;
        this.tokens = Lexer.tokens(text);
        this.keywords = keywords;
    }

    static Parsed<Condition> condition(String text) {
        Parser p = new Parser(text, CONDITION_KEYWORDS);
        p.checkNesting();
        Condition tree = p.whole(p::orExpression);
        return p.parsed(tree);
    }

    static Parsed<UpdateExpression> update(String text) {
        Parser p = new Parser(text, UPDATE_KEYWORDS);
        p.checkNesting();
        UpdateExpression tree = p.whole(p::updateExpression);
        return p.parsed(tree);
    }

    static Parsed<List<DocumentPath>> projection(String text) {
        Parser p = new Parser(text, Set.of());
        List<DocumentPath> tree = p.whole(p::projectionList);
        return p.parsed(tree);
    }

    /**
     * Refuses, before the parser descends into it, nesting no valid expression has. Each
     * level of parentheses a valid expression nests needs an operator or a function of its
     * own (a level without one is redundant), and the service allows 300 operators; so
     * deeper nesting, or more NOTs than that, is either too many operators or redundant
     * parentheses, whichever the tokens show (unbalanced, a syntax error where the parse
     * would have stopped). The recursive descent (several frames per
     * level) stays far from the end of any thread's stack.
     */
    private void checkNesting() {
        int depth = 0;
        int deepest = 0;
        int nots = 0;
        int operators = 0;
        int unmatched = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            switch (t.kind()) {
                case LPAREN -> deepest = Math.max(deepest, ++depth);
                case RPAREN -> {
                    if (--depth < 0 && unmatched < 0) unmatched = i;
                }
                case EQ, NE, LT, LE, GT, GE -> operators++;
                case NAME -> {
                    if (t.isWord("NOT")) nots++;
                    if (t.isWord("AND") || t.isWord("OR") || t.isWord("NOT") || t.isWord("BETWEEN") || t.isWord("IN")
                            || tokens.get(i + 1).kind() == Kind.LPAREN) {
                        operators++;
                    }
                }
                default -> { }
            }
        }
        if (deepest <= Binder.MAX_OPERATORS + 1 && nots <= Binder.MAX_OPERATORS) return;
        if (unmatched >= 0 || depth > 0) { // the parse would stop at the first unmatched ')', or at the end
            furthest = unmatched >= 0 ? unmatched : tokens.size() - 1;
            throw syntaxError();
        }
        throw new ExpressionError(operators > Binder.MAX_OPERATORS
                ? "The expression contains too many operators; operator count: " + (Binder.MAX_OPERATORS + 1)
                : "The expression has redundant parentheses;");
    }

    private <T> Parsed<T> parsed(T tree) {
        return new Parsed<>(tree, redundant ? "The expression has redundant parentheses;" : null, indexError);
    }

    private <T> T whole(java.util.function.Supplier<T> rule) {
        try {
            T tree = rule.get();
            if (peek().kind() != Kind.EOF) throw fail();
            return tree;
        } catch (Fail f) {
            throw syntaxError();
        }
    }

    private ExpressionError syntaxError() {
        int at = Math.min(furthest, tokens.size() - 1);
        Token token = tokens.get(at);
        int from = at > 0 ? tokens.get(at - 1).start() : 0;
        int to = token.kind() == Kind.EOF ? text.length() : tokens.get(at + 1).end();
        if (at + 1 < tokens.size() && tokens.get(at + 1).kind() == Kind.EOF) to = text.length();
        return new ExpressionError("Syntax error; token: \"" + token.shown() + "\", near: \"" + text.substring(from, to) + "\"");
    }

    // ---- token helpers

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private Fail fail() {
        if (pos > furthest) furthest = pos;
        return FAIL;
    }

    private Token expect(Kind kind) {
        Token t = peek();
        if (t.kind() != kind) throw fail();
        pos++;
        return t;
    }

    private boolean accept(Kind kind) {
        if (peek().kind() != kind) return false;
        pos++;
        return true;
    }

    private boolean acceptWord(String word) {
        if (!peek().isWord(word)) return false;
        pos++;
        return true;
    }

    private boolean isKeyword(Token t) {
        return t.kind() == Kind.NAME && keywords.contains(t.text().toUpperCase(java.util.Locale.ROOT));
    }

    // ---- conditions

    private Condition orExpression() {
        Condition left = andExpression();
        while (acceptWord("OR")) left = new Condition.Or(left, andExpression());
        return left;
    }

    private Condition andExpression() {
        Condition left = notExpression();
        while (acceptWord("AND")) left = new Condition.And(left, notExpression());
        return left;
    }

    private Condition notExpression() {
        if (acceptWord("NOT")) return new Condition.Not(notExpression());
        return primary();
    }

    private Condition primary() {
        if (peek().kind() == Kind.LPAREN) {
            int saved = pos;
            boolean savedRedundant = redundant;
            try {
                pos++;
                Condition inner = orExpression();
                expect(Kind.RPAREN);
                if (!startsComparison(peek())) {
                    if (parenthesized.contains(inner)) redundant = true;
                    parenthesized.add(inner);
                    return inner;
                }
            } catch (Fail f) {
                // not a parenthesized condition: an operand in parentheses, tried below
            }
            pos = saved;
            redundant = savedRedundant;
        }
        return comparison();
    }

    private boolean startsComparison(Token t) {
        return switch (t.kind()) {
            case EQ, NE, LT, LE, GT, GE -> true;
            default -> t.isWord("BETWEEN") || t.isWord("IN");
        };
    }

    private Condition comparison() {
        Operand left = operand(false);
        Token t = peek();
        Condition.Comparator comparator = switch (t.kind()) {
            case EQ -> Condition.Comparator.EQ;
            case NE -> Condition.Comparator.NE;
            case LT -> Condition.Comparator.LT;
            case LE -> Condition.Comparator.LE;
            case GT -> Condition.Comparator.GT;
            case GE -> Condition.Comparator.GE;
            default -> null;
        };
        if (comparator != null) {
            pos++;
            return new Condition.Compare(comparator, left, operand(false));
        }
        if (acceptWord("BETWEEN")) {
            Operand low = operand(false);
            if (!acceptWord("AND")) throw fail();
            return new Condition.Between(left, low, operand(false));
        }
        if (acceptWord("IN")) {
            expect(Kind.LPAREN);
            List<Operand> candidates = new ArrayList<>();
            do {
                candidates.add(operand(false));
            } while (accept(Kind.COMMA));
            expect(Kind.RPAREN);
            return new Condition.In(left, candidates);
        }
        if (left instanceof Operand.Call call && !parenthesized.contains(call)) {
            return new Condition.Function(call.function(), call.args());
        }
        throw fail();
    }

    // ---- operands

    private Operand operand(boolean update) {
        Token t = peek();
        if (t.kind() == Kind.LPAREN) {
            pos++;
            Operand inner = operand(update);
            expect(Kind.RPAREN);
            if (parenthesized.contains(inner)) redundant = true;
            parenthesized.add(inner);
            return inner;
        }
        if (t.kind() == Kind.NAME && peek(1).kind() == Kind.LPAREN && !isKeyword(t)) {
            pos += 2;
            List<Operand> args = new ArrayList<>();
            do {
                args.add(operand(update));
            } while (accept(Kind.COMMA));
            expect(Kind.RPAREN);
            return new Operand.Call(t.text(), args);
        }
        if (t.kind() == Kind.VALUE_REF) {
            pos++;
            return new Operand.Value(t.text(), null);
        }
        return new Operand.Path(path());
    }

    private DocumentPath path() {
        List<DocumentPath.Element> elements = new ArrayList<>();
        elements.add(pathName());
        while (true) {
            if (accept(Kind.DOT)) {
                elements.add(pathName());
            } else if (accept(Kind.LBRACKET)) {
                Token number = expect(Kind.NUMBER);
                expect(Kind.RBRACKET);
                elements.add(new DocumentPath.Index(index(number.text())));
            } else {
                return new DocumentPath(elements);
            }
        }
    }

    private int index(String digits) {
        long value = digits.length() > 10 ? Long.MAX_VALUE : Long.parseLong(digits);
        if (value > Integer.MAX_VALUE) {
            if (indexError == null) indexError = "List index is not within the allowable range; index: [" + digits + "]";
            return Integer.MAX_VALUE;
        }
        return (int) value;
    }

    private DocumentPath.Element pathName() {
        Token t = peek();
        if (t.kind() == Kind.NAME_REF) {
            pos++;
            return new DocumentPath.NameRef(t.text());
        }
        if (t.kind() == Kind.NAME && !isKeyword(t)) {
            pos++;
            return new DocumentPath.Name(t.text());
        }
        throw fail();
    }

    // ---- update expressions

    private UpdateExpression updateExpression() {
        List<UpdateExpression.Action> actions = new ArrayList<>();
        List<UpdateExpression.Clause> sections = new ArrayList<>();
        do {
            Token t = peek();
            UpdateExpression.Clause clause = null;
            for (UpdateExpression.Clause c : UpdateExpression.Clause.values()) if (t.isWord(c.name())) clause = c;
            if (clause == null) throw fail();
            sections.add(clause);
            pos++;
            do {
                DocumentPath path = path();
                Operand value = switch (clause) {
                    case SET -> {
                        expect(Kind.EQ);
                        yield setValue();
                    }
                    case REMOVE -> null;
                    case ADD, DELETE -> {
                        Token v = expect(Kind.VALUE_REF);
                        yield new Operand.Value(v.text(), null);
                    }
                };
                actions.add(new UpdateExpression.Action(clause, path, value));
            } while (accept(Kind.COMMA));
        } while (peek().kind() != Kind.EOF);
        return new UpdateExpression(actions, sections);
    }

    private Operand setValue() {
        if (peek().kind() == Kind.LPAREN) {
            int saved = pos;
            boolean savedRedundant = redundant;
            try {
                pos++;
                Operand inner = arithmetic();
                expect(Kind.RPAREN);
                return inner;
            } catch (Fail f) {
                pos = saved;
                redundant = savedRedundant;
            }
        }
        return arithmetic();
    }

    private Operand arithmetic() {
        Operand left = operand(true);
        if (accept(Kind.PLUS)) return new Operand.Arithmetic('+', left, operand(true));
        if (accept(Kind.MINUS)) return new Operand.Arithmetic('-', left, operand(true));
        return left;
    }

    // ---- projections

    private List<DocumentPath> projectionList() {
        List<DocumentPath> paths = new ArrayList<>();
        do {
            paths.add(path());
        } while (accept(Kind.COMMA));
        return paths;
    }
}
