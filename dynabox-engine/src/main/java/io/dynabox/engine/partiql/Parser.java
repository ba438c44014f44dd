package io.dynabox.engine.partiql;

import io.dynabox.engine.error.ServiceTexts;
import io.dynabox.engine.expression.Condition;
import io.dynabox.engine.expression.DocumentPath;
import io.dynabox.engine.partiql.Lexer.Kind;
import io.dynabox.engine.partiql.Lexer.Token;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.DynamoNumber;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The syntax of DynamoDB's PartiQL: SELECT, INSERT, UPDATE, DELETE and (in transactions)
 * EXISTS. It checks syntax and what the text alone shows (a document literal's shape, a
 * clause the service does not support); names, parameters and key attributes are checked
 * when the statement is bound to a request and a table. A statement that does not parse
 * answers as the service does, {@code Statement wasn't well formed, can't be processed: }
 * and, for one that does not start with a statement's keyword, {@code Expected data
 * manipulation} (the service's words); for other syntax errors the statement (as DynamoDB
 * Local words them: the service's detail for them is not known), with where it went wrong in
 * Dynabox's explanation. Recursion is
 * bounded ({@link #MAX_DEPTH}) so no text can exhaust the stack.
 */
final class Parser {
    static final String NOT_WELL_FORMED = ServiceTexts.PARTIQL_NOT_WELL_FORMED;
    /** Deeper nesting (parentheses, NOT, document literals) is refused rather than recursed into. */
    static final int MAX_DEPTH = 100;
    /**
     * PartiQL's reserved words (SQL-92's and its own, and the names of its types): none is a
     * name unless quoted ({@code "value"}), in any case.
     */
    private static final Set<String> RESERVED = Set.of(
            "ABSOLUTE", "ACTION", "ADD", "ALL", "ALLOCATE", "ALTER", "AND", "ANY", "ARE", "AS", "ASC", "ASSERTION", "AT",
            "AUTHORIZATION", "AVG", "BEGIN", "BETWEEN", "BIT", "BIT_LENGTH", "BY", "CAN_CAST", "CAN_LOSSLESS_CAST", "CASCADE",
            "CASCADED", "CASE", "CAST", "CATALOG", "CHAR", "CHARACTER", "CHARACTER_LENGTH", "CHAR_LENGTH", "CHECK", "CLOSE",
            "COALESCE", "COLLATE", "COLLATION", "COLUMN", "COMMIT", "CONFLICT", "CONNECT", "CONNECTION", "CONSTRAINT",
            "CONSTRAINTS", "CONTINUE", "CONVERT", "CORRESPONDING", "COUNT", "CREATE", "CROSS", "CURRENT", "CURRENT_DATE",
            "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER", "CURSOR", "DATE", "DATE_ADD", "DATE_DIFF", "DEALLOCATE", "DEC",
            "DECIMAL", "DECLARE", "DEFAULT", "DEFERRABLE", "DEFERRED", "DELETE", "DESC", "DESCRIBE", "DESCRIPTOR", "DIAGNOSTICS",
            "DISCONNECT", "DISTINCT", "DO", "DOMAIN", "DOUBLE", "DROP", "ELSE", "END", "END_EXEC", "ESCAPE", "EXCEPT",
            "EXCEPTION", "EXCLUDED", "EXEC", "EXECUTE", "EXISTS", "EXPLAIN", "EXTERNAL", "EXTRACT", "FALSE", "FETCH", "FIRST",
            "FLOAT", "FOR", "FOREIGN", "FOUND", "FROM", "FULL", "GET", "GLOBAL", "GO", "GOTO", "GRANT", "GROUP", "HAVING",
            "IDENTITY", "IMMEDIATE", "IN", "INDEX", "INDICATOR", "INITIALLY", "INNER", "INPUT", "INSENSITIVE", "INSERT", "INT",
            "INTEGER", "INTERSECT", "INTERVAL", "INTO", "IS", "ISOLATION", "JOIN", "KEY", "LAG", "LANGUAGE", "LAST", "LATERAL",
            "LEAD", "LEFT", "LET", "LEVEL", "LIKE", "LIMIT", "LOCAL", "LOWER", "MATCH", "MAX", "MIN", "MISSING", "MODIFIED",
            "MODULE", "NAMES", "NATIONAL", "NATURAL", "NCHAR", "NEW", "NEXT", "NO", "NOT", "NOTHING", "NULL", "NULLIF", "NULLS",
            "NUMERIC", "OCTET_LENGTH", "OF", "OFFSET", "OLD", "ON", "ONLY", "OPEN", "OPTION", "OR", "ORDER", "OUTER", "OUTPUT",
            "OVER", "OVERLAPS", "OVERLAY", "PAD", "PARTIAL", "PARTITION", "PIVOT", "PLACING", "POSITION", "PRECISION", "PREPARE",
            "PRESERVE", "PRIMARY", "PRIOR", "PRIVILEGES", "PROCEDURE", "PUBLIC", "READ", "REAL", "REFERENCES", "RELATIVE",
            "REMOVE", "REPLACE", "RESTRICT", "RETURNING", "REVOKE", "RIGHT", "ROLLBACK", "ROWS", "SCHEMA", "SCROLL", "SECTION",
            "SELECT", "SESSION", "SESSION_USER", "SET", "SHORTEST", "SIZE", "SMALLINT", "SOME", "SPACE", "SQL", "SQLCODE",
            "SQLERROR", "SQLSTATE", "SUBSTRING", "SUM", "SYSTEM_USER", "TABLE", "TEMPORARY", "THEN", "TIME", "TIMESTAMP", "TO",
            "TRANSACTION", "TRANSLATE", "TRANSLATION", "TRIM", "TRUE", "UNION", "UNIQUE", "UNKNOWN", "UNPIVOT", "UPDATE",
            "UPPER", "UPSERT", "USAGE", "USER", "USING", "VALUE", "VALUES", "VARCHAR", "VARYING", "VIEW", "WHEN", "WHENEVER",
            "WHERE", "WITH", "WORK", "WRITE", "ZONE", "BAG", "BLOB", "BOOL", "BOOLEAN", "CLOB", "LIST", "SEXP", "STRING",
            "STRUCT", "SYMBOL", "TUPLE");
    private static final Set<String> UNSUPPORTED_CLAUSES = Set.of("LIMIT", "OFFSET", "GROUP", "HAVING", "JOIN", "UNION");

    private final String text;
    private final List<Token> tokens;
    private int pos;
    private int depth;
    private int parameters;

    private Parser(String text, List<Token> tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    static Statement parse(String text) {
        List<Token> tokens;
        try {
            tokens = Lexer.tokens(text);
        } catch (Lexer.Unterminated e) {
            throw new PartiqlError(NOT_WELL_FORMED + text, "a quoted string or name starting at character " + (e.at + 1) + " is not closed");
        }
        Parser p = new Parser(text, tokens);
        Statement statement = p.statement();
        p.accept(Kind.SEMICOLON);
        if (p.peek().kind() != Kind.EOF) throw p.malformed("unexpected '" + p.peek().text() + "' after the end of the statement");
        return statement;
    }

    // ---- statements

    private Statement statement() {
        Token first = peek();
        if (first.isWord("SELECT")) return select();
        if (first.isWord("INSERT")) return insert();
        if (first.isWord("UPDATE")) return update();
        if (first.isWord("DELETE")) return delete();
        if (first.isWord("EXISTS")) {
            pos++;
            expect(Kind.LPAREN, "'(' after EXISTS");
            if (!peek().isWord("SELECT")) throw malformed("EXISTS takes a SELECT");
            Statement.Select select = select();
            expect(Kind.RPAREN, "')' closing EXISTS");
            return new Statement.Exists(select);
        }
        // the service names what it expected, not the statement (recorded against the service)
        throw new PartiqlError(ServiceTexts.PARTIQL_NOT_DATA_MANIPULATION,
                "a statement starts with SELECT, INSERT, UPDATE, DELETE or EXISTS; it starts with '" + first.text() + "'");
    }

    private Statement.Select select() {
        pos++;
        List<Statement.Projected> projection = null;
        if (!accept(Kind.STAR)) {
            projection = new ArrayList<>();
            do {
                int at = peek().start();
                Token first = peek();
                Expr e = peek(1).kind() == Kind.LPAREN ? null : additive();
                if (!(e instanceof Expr.Path path)) {
                    throw new PartiqlError("Unexpected path component" + PartiqlError.position(text, at, first.end() - first.start()),
                            "a SELECT lists attribute paths, or *");
                }
                projection.add(new Statement.Projected(path.path(), projectedName(path.path())));
            } while (accept(Kind.COMMA));
        }
        expectWord("FROM");
        if (peek().isWord("MISSING")) throw new PartiqlError("Unexpected from source", "MISSING is not a table; quote a table of that name: \"missing\"");
        String table = name("a table name after FROM");
        String index = null;
        if (accept(Kind.DOT)) {
            index = name("an index name after the table's name");
            if (peek().kind() == Kind.DOT) throw new PartiqlError(ServiceTexts.PARTIQL_PATH_TOO_LONG, null);
        }
        if (table.isEmpty() || (index != null && index.isEmpty())) throw new PartiqlError(ServiceTexts.PARTIQL_EMPTY_PATH_COMPONENT, null);
        Expr where = null;
        if (acceptWord("WHERE")) where = condition();
        List<Statement.OrderBy> orderBy = new ArrayList<>();
        if (acceptWord("ORDER")) {
            expectWord("BY");
            do {
                String attribute = name("an attribute name in ORDER BY");
                boolean descending = false;
                if (acceptWord("DESC")) descending = true;
                else acceptWord("ASC");
                orderBy.add(new Statement.OrderBy(attribute, descending));
            } while (accept(Kind.COMMA));
        }
        unsupportedClause();
        return new Statement.Select(projection, table, index, where, orderBy, parameters);
    }

    /** The service names a projected path in its answer after its last map key, or its text up to the last list index after it. */
    private static String projectedName(DocumentPath path) {
        int lastIndex = -1;
        int lastName = 0;
        for (int i = 0; i < path.size(); i++) {
            if (path.get(i) instanceof DocumentPath.Index) lastIndex = i;
            else lastName = i;
        }
        if (lastIndex < 0) return ((DocumentPath.Name) path.get(lastName)).name();
        int from = lastIndex;
        while (from > 0 && path.get(from) instanceof DocumentPath.Index) from--;
        StringBuilder s = new StringBuilder(((DocumentPath.Name) path.get(from)).name());
        for (int i = from + 1; i <= lastIndex; i++) s.append('[').append(((DocumentPath.Index) path.get(i)).index()).append(']');
        return s.toString();
    }

    private void unsupportedClause() {
        Token t = peek();
        if (t.kind() == Kind.WORD && UNSUPPORTED_CLAUSES.contains(t.text().toUpperCase())) {
            // the service points at what follows the clause's keyword
            Token after = peek(1);
            throw new PartiqlError("Unsupported clause: " + t.text().toUpperCase() + PartiqlError.position(text, after.start(), Math.max(1, after.end() - after.start())),
                    "DynamoDB's PartiQL has no " + t.text().toUpperCase() + "; use the request's Limit and NextToken to page");
        }
    }

    private Statement.Insert insert() {
        pos++;
        expectWord("INTO");
        String table = name("a table name after INSERT INTO");
        if (accept(Kind.DOT)) {
            name("an index name");
            throw new PartiqlError("FROM clause may only contain a single table name in data manipulation statements", null);
        }
        expectWord("VALUE");
        Token start = peek();
        Expr item = value();
        if (!(item instanceof Expr.MapLiteral)) {
            throw new PartiqlError("Unsupported format in item expression. Please use struct format {...} to express item values for insert statement."
                    + PartiqlError.position(text, start.start(), 1), null);
        }
        return new Statement.Insert(table, item, parameters);
    }

    private Statement.Update update() {
        pos++;
        String table = name("a table name after UPDATE");
        if (accept(Kind.DOT)) {
            name("an index name");
            throw new PartiqlError("This operation is not supported on an index", "UPDATE and DELETE write to a table; its indexes follow");
        }
        List<Statement.Assignment> assignments = new ArrayList<>();
        while (true) {
            if (acceptWord("SET")) {
                do {
                    DocumentPath path = path("an attribute to SET");
                    expect(Kind.EQ, "'=' after the attribute to SET");
                    assignments.add(new Statement.Assignment(path, additive()));
                } while (accept(Kind.COMMA));
            } else if (acceptWord("REMOVE")) {
                // one path a REMOVE (the service's grammar: a comma after it is not well formed); SET takes a list
                assignments.add(new Statement.Assignment(path("an attribute to REMOVE"), null));
            } else {
                break;
            }
        }
        if (assignments.isEmpty()) throw malformed("UPDATE needs at least one SET or REMOVE");
        requireWhere();
        Expr where = condition();
        Statement.Returning returning = returning();
        return new Statement.Update(table, assignments, where, returning, parameters);
    }

    /** The WHERE of an UPDATE or a DELETE; one left out is the service's missing key equality (DynamoDB Local's answer). */
    private void requireWhere() {
        if (peek().kind() == Kind.EOF) {
            throw new PartiqlError("Where clause does not contain a mandatory equality on all key attributes",
                    "UPDATE and DELETE name one item, by its whole key, in their WHERE");
        }
        expectWord("WHERE");
    }

    private Statement.Delete delete() {
        pos++;
        expectWord("FROM");
        String table = name("a table name after DELETE FROM");
        if (accept(Kind.DOT)) {
            name("an index name");
            throw new PartiqlError("This operation is not supported on an index", "UPDATE and DELETE write to a table; its indexes follow");
        }
        requireWhere();
        Expr where = condition();
        int at = peek().start();
        Statement.Returning returning = returning();
        if (returning != Statement.Returning.NONE && returning != Statement.Returning.ALL_OLD) {
            throw new PartiqlError("Invalid returning clause: " + text.substring(at, tokens.get(pos - 1).end())
                    + ". Only RETURNING ALL OLD * is allowed in DELETE statements.", null);
        }
        return new Statement.Delete(table, where, returning, parameters);
    }

    private Statement.Returning returning() {
        if (!acceptWord("RETURNING")) return Statement.Returning.NONE;
        boolean all;
        if (acceptWord("ALL")) all = true;
        else if (acceptWord("MODIFIED")) all = false;
        else throw malformed("RETURNING is followed by ALL or MODIFIED");
        boolean isNew;
        if (acceptWord("NEW")) isNew = true;
        else if (acceptWord("OLD")) isNew = false;
        else throw malformed("RETURNING ALL or MODIFIED is followed by NEW or OLD");
        expect(Kind.STAR, "'*' ending the RETURNING clause");
        if (all) return isNew ? Statement.Returning.ALL_NEW : Statement.Returning.ALL_OLD;
        return isNew ? Statement.Returning.MODIFIED_NEW : Statement.Returning.MODIFIED_OLD;
    }

    // ---- conditions

    private Expr condition() {
        enter();
        try {
            Expr left = and();
            while (peek().isWord("OR")) {
                int at = next().start();
                left = new Expr.Or(left, and(), at);
            }
            return left;
        } finally {
            depth--;
        }
    }

    private Expr and() {
        Expr left = not();
        while (peek().isWord("AND")) {
            int at = next().start();
            left = new Expr.And(left, not(), at);
        }
        return left;
    }

    private Expr not() {
        if (peek().isWord("NOT")) {
            int at = next().start();
            enter();
            try {
                return new Expr.Not(not(), at);
            } finally {
                depth--;
            }
        }
        return predicate();
    }

    private Expr predicate() {
        Expr left = additive();
        Token t = peek();
        int at = left.at();
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
            return new Expr.Compare(comparator, left, additive(), at);
        }
        if (t.isWord("IS")) {
            pos++;
            boolean negated = acceptWord("NOT");
            if (acceptWord("MISSING")) return new Expr.IsMissing(left, negated, at);
            if (acceptWord("NULL")) return new Expr.IsNull(left, negated, at);
            throw malformed("IS is followed by MISSING or NULL");
        }
        boolean negated = false;
        if (t.isWord("NOT") && (peek(1).isWord("BETWEEN") || peek(1).isWord("IN"))) {
            pos++;
            negated = true;
        }
        if (acceptWord("BETWEEN")) {
            Expr low = additive();
            expectWord("AND");
            Expr between = new Expr.Between(left, low, additive(), at);
            return negated ? new Expr.Not(between, at) : between;
        }
        if (acceptWord("IN")) {
            List<Expr> candidates = new ArrayList<>();
            Kind close;
            if (accept(Kind.LBRACKET)) close = Kind.RBRACKET;
            else if (accept(Kind.LPAREN)) close = Kind.RPAREN;
            else throw malformed("IN is followed by a list: [a, b] or (a, b)");
            if (peek().kind() != close) {
                do {
                    candidates.add(additive());
                } while (accept(Kind.COMMA));
            }
            expect(close, "the end of the IN list");
            Expr in = new Expr.In(left, candidates, at);
            return negated ? new Expr.Not(in, at) : in;
        }
        return left;
    }

    // ---- values

    private Expr additive() {
        Expr left = primary();
        while (peek().kind() == Kind.PLUS || peek().kind() == Kind.MINUS) {
            Token op = next();
            left = new Expr.Arithmetic(op.text().charAt(0), left, primary(), left.at());
        }
        return left;
    }

    private Expr primary() {
        Token t = peek();
        switch (t.kind()) {
            case LPAREN -> {
                pos++;
                enter();
                try {
                    Expr inner = condition();
                    expect(Kind.RPAREN, "')'");
                    return inner;
                } finally {
                    depth--;
                }
            }
            case WORD -> {
                if (peek(1).kind() == Kind.LPAREN) return call();
                if (t.isWord("MISSING")) throw missing(t);
                if (t.isWord("TRUE") || t.isWord("FALSE") || t.isWord("NULL")) return value();
                return pathExpr();
            }
            case QUOTED -> {
                return pathExpr();
            }
            case MINUS -> {
                if (peek(1).kind() == Kind.NUMBER) return value();
                throw malformed("unexpected '-'");
            }
            default -> {
                return value();
            }
        }
    }

    /** MISSING is no value: it is compared with IS only. */
    private PartiqlError missing(Token t) {
        Kind before = pos > 0 ? tokens.get(pos - 1).kind() : Kind.EOF;
        Kind after = peek(1).kind();
        Set<Kind> comparisons = Set.of(Kind.EQ, Kind.NE, Kind.LT, Kind.LE, Kind.GT, Kind.GE);
        if (comparisons.contains(before) || comparisons.contains(after)) {
            return new PartiqlError("MISSING must be compared using IS operator", "write x IS MISSING or x IS NOT MISSING");
        }
        return new PartiqlError("Unsupported data type: MISSING under key root" + PartiqlError.position(text, t.start(), 7), null);
    }

    private Expr call() {
        Token name = next();
        pos++; // (
        List<Expr> args = new ArrayList<>();
        enter();
        try {
            if (peek().kind() != Kind.RPAREN) {
                do {
                    args.add(additive());
                } while (accept(Kind.COMMA));
            }
        } finally {
            depth--;
        }
        expect(Kind.RPAREN, "')' closing " + name.text());
        return new Expr.Call(name.text().toLowerCase(), args, name.start());
    }

    private Expr pathExpr() {
        int at = peek().start();
        return new Expr.Path(path("an attribute name"), at);
    }

    /** {@code a.b[1]."c"['d']}: names, quoted names and list indexes. */
    private DocumentPath path(String what) {
        List<DocumentPath.Element> elements = new ArrayList<>();
        elements.add(new DocumentPath.Name(name(what)));
        while (true) {
            if (accept(Kind.DOT)) {
                elements.add(new DocumentPath.Name(name("a map key after '.'")));
            } else if (peek().kind() == Kind.LBRACKET) {
                pos++;
                Token t = next();
                if (t.kind() == Kind.NUMBER && t.text().chars().allMatch(Character::isDigit)) {
                    try {
                        elements.add(new DocumentPath.Index(Integer.parseInt(t.text())));
                    } catch (NumberFormatException e) {
                        throw malformed("list index " + t.text() + " is too large");
                    }
                } else if (t.kind() == Kind.STRING) {
                    elements.add(new DocumentPath.Name(t.text()));
                } else {
                    pos--;
                    throw malformed("a list index or a quoted map key inside '[ ]'");
                }
                expect(Kind.RBRACKET, "']'");
            } else {
                return new DocumentPath(elements);
            }
        }
    }

    /** A table, index or attribute name: a word that is not a keyword, or a quoted name. */
    private String name(String what) {
        Token t = peek();
        if (t.kind() == Kind.QUOTED || (t.kind() == Kind.WORD && !RESERVED.contains(t.text().toUpperCase()))) {
            pos++;
            return t.text();
        }
        throw malformed("expected " + what);
    }

    /** A literal, a parameter, or a document: {@code {'k': v}}, {@code [v]}, {@code <<v>>}. */
    private Expr value() {
        Token t = next();
        int at = t.start();
        switch (t.kind()) {
            case STRING:
                return new Expr.Literal(new AttributeValue.S(t.text()), at);
            case NUMBER:
                return number(t.text(), at);
            case MINUS:
                return number("-" + next().text(), at);
            case PARAMETER:
                return new Expr.Parameter(parameters++, at);
            case ION:
                throw new PartiqlError("Ion Literals are not supported: SYMBOL under key root" + PartiqlError.position(text, at, t.end() - at), null);
            case WORD:
                if (t.isWord("TRUE")) return new Expr.Literal(AttributeValue.BOOL.TRUE, at);
                if (t.isWord("FALSE")) return new Expr.Literal(AttributeValue.BOOL.FALSE, at);
                if (t.isWord("NULL")) return new Expr.Literal(AttributeValue.NULL.INSTANCE, at);
                if (t.isWord("MISSING")) {
                    throw new PartiqlError("Unsupported data type: MISSING under key root" + PartiqlError.position(text, at, 7), null);
                }
                break;
            case LBRACKET: {
                enter();
                try {
                    List<Expr> elements = new ArrayList<>();
                    if (peek().kind() != Kind.RBRACKET) {
                        do {
                            elements.add(element());
                        } while (accept(Kind.COMMA));
                    }
                    expect(Kind.RBRACKET, "']' closing a list");
                    return new Expr.ListLiteral(elements, at);
                } finally {
                    depth--;
                }
            }
            case LBAG: {
                List<Expr> elements = new ArrayList<>();
                if (peek().kind() != Kind.RBAG) {
                    do {
                        elements.add(element());
                    } while (accept(Kind.COMMA));
                }
                expect(Kind.RBAG, "'>>' closing a set");
                if (elements.isEmpty()) throw new PartiqlError("Empty bags are not supported" + PartiqlError.position(text, at, 2), null);
                checkBag(elements);
                return new Expr.SetLiteral(elements, at);
            }
            case LBRACE: {
                enter();
                try {
                    Map<String, Expr> entries = new LinkedHashMap<>();
                    if (peek().kind() != Kind.RBRACE) {
                        do {
                            Token key = next();
                            if (key.kind() != Kind.STRING) {
                                if (key.kind() == Kind.QUOTED || key.kind() == Kind.WORD) {
                                    throw new PartiqlError("Tuple keys must be of type String. Actual type: VariableReference under root"
                                            + PartiqlError.position(text, key.start(), key.end() - key.start()), null);
                                }
                                pos--;
                                throw malformed("a map key is a 'quoted string'");
                            }
                            expect(Kind.COLON, "':' after a map key");
                            Expr value = element();
                            if (entries.put(key.text(), value) != null) {
                                throw new PartiqlError("Duplicate keys in tuple. Key: " + key.text() + " under root"
                                        + PartiqlError.position(text, key.start(), key.end() - key.start()), null);
                            }
                        } while (accept(Kind.COMMA));
                    }
                    expect(Kind.RBRACE, "'}' closing a map");
                    return new Expr.MapLiteral(entries, at);
                } finally {
                    depth--;
                }
            }
            default:
                break;
        }
        pos--;
        throw malformed(t.kind() == Kind.EOF ? "the statement ends too early" : "unexpected '" + t.text() + "'");
    }

    /** The literals of a set are all strings or all numbers (a parameter's type is checked when bound). */
    private void checkBag(List<Expr> elements) {
        AttributeValue.Type type = null;
        for (Expr element : elements) {
            if (!(element instanceof Expr.Literal literal)) continue;
            AttributeValue.Type t = literal.value().type();
            if (type == null && (t == AttributeValue.Type.S || t == AttributeValue.Type.N)) {
                type = t;
            } else if (t != type) {
                int end = element.at() + 1;
                while (end < text.length() && !",>) ".contains(String.valueOf(text.charAt(end)))) end++;
                throw new PartiqlError("Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags"
                        + PartiqlError.position(text, element.at(), end - element.at()), null);
            }
        }
    }

    /** An element of a document literal: a value (paths have no meaning inside one). */
    private Expr element() {
        return value();
    }

    private Expr number(String literal, int at) {
        try {
            return new Expr.Literal(new AttributeValue.N(DynamoNumber.parse(literal)), at);
        } catch (DynamoNumber.InvalidNumberException e) {
            if (e.problem == DynamoNumber.Problem.TOO_MANY_DIGITS) throw new PartiqlError("DynamoDB only supports precision up to 38 digits", null);
            throw new PartiqlError(e.getMessage(), literal + " is outside DynamoDB's range of numbers");
        }
    }

    // ---- tokens

    private void enter() {
        if (++depth > MAX_DEPTH) throw malformed("it nests more than " + MAX_DEPTH + " levels deep");
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Kind.EOF) pos++;
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

    private void expect(Kind kind, String what) {
        if (!accept(kind)) throw malformed("expected " + what);
    }

    private void expectWord(String word) {
        if (!acceptWord(word)) {
            unsupportedClause();
            throw malformed("expected " + word);
        }
    }

    private PartiqlError malformed(String why) {
        Token t = peek();
        String where = t.kind() == Kind.EOF ? "at the end" : "at '" + t.text() + "'" + PartiqlError.position(text, t.start(), t.end() - t.start());
        return new PartiqlError(NOT_WELL_FORMED + text, "the statement does not parse " + where + ": " + why);
    }
}
