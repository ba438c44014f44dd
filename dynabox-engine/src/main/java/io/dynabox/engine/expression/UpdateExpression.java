package io.dynabox.engine.expression;

import java.util.List;

/** An UpdateExpression: its actions in the order written. */
public record UpdateExpression(List<Action> actions) {
    public UpdateExpression {
        actions = List.copyOf(actions);
    }

    public enum Clause { SET, REMOVE, ADD, DELETE }

    /** One action: {@code value} is null for REMOVE. */
    public record Action(Clause clause, DocumentPath path, Operand value) {}
}
