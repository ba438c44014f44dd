package io.dynabox.engine.partiql;

import io.dynabox.engine.expression.Condition;
import io.dynabox.engine.expression.DocumentPath;
import io.dynabox.engine.value.AttributeValue;
import java.util.List;
import java.util.Map;

/**
 * An expression of a statement as parsed: the parts of a WHERE clause, a SET value, or a
 * document literal. Parameters ({@code ?}) are numbered in the order written and given
 * their values when the statement is bound ({@link Binder}), so a parsed statement can be
 * cached by its text. {@code at} is the expression's first character, for error messages.
 */
public sealed interface Expr {

    /** A literal: string, number, boolean or null. */
    record Literal(AttributeValue value, int at) implements Expr {}

    /** The {@code index}th {@code ?} of the statement (0-based). */
    record Parameter(int index, int at) implements Expr {}

    /** A path into the item: {@code a.b[1]."c"}. */
    record Path(DocumentPath path, int at) implements Expr {}

    /** {@code [a, b]}. */
    record ListLiteral(List<Expr> elements, int at) implements Expr {
        public ListLiteral {
            elements = List.copyOf(elements);
        }
    }

    /** {@code <<a, b>>}: a set of strings, numbers or binaries. */
    record SetLiteral(List<Expr> elements, int at) implements Expr {
        public SetLiteral {
            elements = List.copyOf(elements);
        }
    }

    /** {@code {'k': v}}: keys are strings, in the order written. */
    record MapLiteral(Map<String, Expr> entries, int at) implements Expr {}

    /** A function call: {@code begins_with}, {@code contains}, {@code attribute_type}, {@code size}, {@code list_append}, … (name in lower case). */
    record Call(String function, List<Expr> args, int at) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** {@code a + b} or {@code a - b}. */
    record Arithmetic(char operator, Expr left, Expr right, int at) implements Expr {}

    record Compare(Condition.Comparator comparator, Expr left, Expr right, int at) implements Expr {}

    record Between(Expr value, Expr low, Expr high, int at) implements Expr {}

    record In(Expr value, List<Expr> candidates, int at) implements Expr {
        public In {
            candidates = List.copyOf(candidates);
        }
    }

    /** {@code x IS MISSING}, or with {@code negated}, {@code x IS NOT MISSING}. */
    record IsMissing(Expr value, boolean negated, int at) implements Expr {}

    /** {@code x IS NULL} / {@code x IS NOT NULL}. */
    record IsNull(Expr value, boolean negated, int at) implements Expr {}

    record And(Expr left, Expr right, int at) implements Expr {}

    record Or(Expr left, Expr right, int at) implements Expr {}

    record Not(Expr operand, int at) implements Expr {}

    int at();
}
