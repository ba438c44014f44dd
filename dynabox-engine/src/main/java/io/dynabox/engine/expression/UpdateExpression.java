package io.dynabox.engine.expression;

import java.util.List;

/**
 * An UpdateExpression: its actions, and its clause keywords, in the order written. The
 * legacy {@code AttributeUpdates} parameter translates into the same tree ({@link
 * Legacy#attributeUpdates}); {@code legacy} marks it, because the service words a type
 * mismatch of a legacy update its own way.
 */
public record UpdateExpression(List<Action> actions, List<Clause> sections, boolean legacy) {
    public UpdateExpression {
        actions = List.copyOf(actions);
        sections = List.copyOf(sections);
    }

    public UpdateExpression(List<Action> actions, List<Clause> sections) {
        this(actions, sections, false);
    }

    public enum Clause { SET, REMOVE, ADD, DELETE }

    /** One action: {@code value} is null for REMOVE. */
    public record Action(Clause clause, DocumentPath path, Operand value) {}
}
