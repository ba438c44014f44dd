package io.dynabox.engine.expression;

import io.dynabox.engine.value.AttributeValue;

/** Something that yields a value: a path into the item, a supplied value, or a function of operands. */
public sealed interface Operand {

    record Path(DocumentPath path) implements Operand {
        @Override
        public String toString() { return path.toString(); }
    }

    /** A {@code :placeholder}; {@code value} is null until bound. */
    record Value(String placeholder, AttributeValue value) implements Operand {
        @Override
        public String toString() { return placeholder; }
    }

    /**
     * A function call used as an operand ({@code size}, {@code if_not_exists}, {@code list_append},
     * and, in conditions, the boolean functions, which the binder refuses there).
     */
    record Call(String function, java.util.List<Operand> args) implements Operand {
        public Call {
            args = java.util.List.copyOf(args);
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(function).append('(');
            for (int i = 0; i < args.size(); i++) s.append(i > 0 ? ", " : "").append(args.get(i));
            return s.append(')').toString();
        }
    }

    /** {@code a + b} or {@code a - b} in an update's SET. */
    record Arithmetic(char operator, Operand left, Operand right) implements Operand {
        @Override
        public String toString() { return left + " " + operator + " " + right; }
    }
}
