package io.dynabox.engine.expression;

import java.util.List;

/** An UpdateExpression: its actions, and its clause keywords, in the order written. */
public record UpdateExpression(List<Action> actions, List<Clause> sections) {
    public UpdateExpression {
        actions = List.copyOf(actions);
        sections = List.copyOf(sections);
    }

    public enum Clause { SET, REMOVE, ADD, DELETE }

    /** One action: {@code value} is null for REMOVE. */
    public record Action(Clause clause, DocumentPath path, Operand value) {}
}
