package io.dynabox.engine.expression;

import java.util.List;

/** A condition, key condition or filter: the boolean part of the expression language. */
public sealed interface Condition {

    enum Comparator {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        public final String symbol;

        Comparator(String symbol) {
            this.symbol = symbol;
        }
    }

    record Compare(Comparator comparator, Operand left, Operand right) implements Condition {
        @Override
        public String toString() { return left + " " + comparator.symbol + " " + right; }
    }

    record Between(Operand value, Operand low, Operand high) implements Condition {
        @Override
        public String toString() { return value + " BETWEEN " + low + " AND " + high; }
    }

    record In(Operand value, List<Operand> candidates) implements Condition {
        public In {
            candidates = List.copyOf(candidates);
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(value.toString()).append(" IN (");
            for (int i = 0; i < candidates.size(); i++) s.append(i > 0 ? ", " : "").append(candidates.get(i));
            return s.append(')').toString();
        }
    }

    /** A boolean function: attribute_exists, attribute_not_exists, attribute_type, begins_with, contains. */
    record Function(String name, List<Operand> args) implements Condition {
        public Function {
            args = List.copyOf(args);
        }

        @Override
        public String toString() { return new Operand.Call(name, args).toString(); }
    }

    record And(Condition left, Condition right) implements Condition {
        @Override
        public String toString() { return "(" + left + ") AND (" + right + ")"; }
    }

    record Or(Condition left, Condition right) implements Condition {
        @Override
        public String toString() { return "(" + left + ") OR (" + right + ")"; }
    }

    record Not(Condition condition) implements Condition {
        @Override
        public String toString() { return "NOT (" + condition + ")"; }
    }

    /** Always true: a legacy request without conditions. */
    record True() implements Condition {
        @Override
        public String toString() { return "true"; }
    }
}
