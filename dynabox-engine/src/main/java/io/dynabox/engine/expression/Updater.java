package io.dynabox.engine.expression;

import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.value.AttributeSets;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.DynamoNumber;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a bound UpdateExpression to an item. Every SET value is computed from the item as
 * it was before the update; then SET (list elements from the lowest index up, so a value set
 * past the end is appended after those before it), REMOVE (list elements from the highest index down,
 * so indexes name the elements of the original list), ADD and DELETE are applied.
 * Values are immutable, so a change rebuilds the containers along its path.
 */
public final class Updater {
    static final String INVALID_PATH = "The document path provided in the update expression is invalid for update";
    static final String MISSING_ATTRIBUTE = "The provided expression refers to an attribute that does not exist in the item";
    static final String INCORRECT_TYPE = "An operand in the update expression has an incorrect data type";
    /** The service's words for the same mistake in a legacy {@code AttributeUpdates} update. */
    static final String LEGACY_TYPE_MISMATCH = "Type mismatch for attribute to update";

    private Updater() {}

    /** The item after the update; {@code item} (the old item, or the key of a new one) is not changed. */
    public static Map<String, AttributeValue> apply(UpdateExpression update, Map<String, AttributeValue> item) {
        String mismatch = update.legacy() ? LEGACY_TYPE_MISMATCH : INCORRECT_TYPE;
        List<Assignment> sets = new ArrayList<>();
        for (UpdateExpression.Action action : update.actions()) {
            if (action.clause() == UpdateExpression.Clause.SET) sets.add(new Assignment(action.path(), value(action.value(), item, mismatch)));
        }
        // list elements from the lowest index up, as the service: SET l[9] = :a, l[1] = :b on a list of one
        // appends :b, then :a (in the order written, :a would be appended and then overwritten by :b)
        sets.sort(Comparator.comparingInt(a -> lastIndex(a.path())));
        Map<String, AttributeValue> result = new LinkedHashMap<>(item);
        for (Assignment assignment : sets) set(result, assignment.path(), assignment.value());
        List<UpdateExpression.Action> removals = new ArrayList<>();
        for (UpdateExpression.Action action : update.actions()) {
            if (action.clause() == UpdateExpression.Clause.REMOVE) removals.add(action);
        }
        removals.sort(Comparator.comparingInt(a -> -lastIndex(a.path())));
        for (UpdateExpression.Action action : removals) remove(result, action.path(), "removed");
        for (UpdateExpression.Action action : update.actions()) {
            if (action.clause() == UpdateExpression.Clause.ADD) add(result, action.path(), ((Operand.Value) action.value()).value(), mismatch);
        }
        for (UpdateExpression.Action action : update.actions()) {
            if (action.clause() == UpdateExpression.Clause.DELETE) delete(result, action.path(), ((Operand.Value) action.value()).value(), mismatch);
        }
        return result;
    }

    /** A SET's path and its value, computed from the item before the update. */
    private record Assignment(DocumentPath path, AttributeValue value) {}

    private static int lastIndex(DocumentPath path) {
        return path.get(path.size() - 1) instanceof DocumentPath.Index index ? index.index() : -1;
    }

    /** The value of a SET operand, computed from the item before the update; {@code mismatch} words a type error. */
    static AttributeValue value(Operand o, Map<String, AttributeValue> item, String mismatch) {
        if (o instanceof Operand.Value v) return v.value();
        if (o instanceof Operand.Path p) {
            AttributeValue v = Evaluator.resolve(p.path(), item);
            if (v == null) throw DynamoException.validation(MISSING_ATTRIBUTE, p.path() + " is not in the item");
            return v;
        }
        if (o instanceof Operand.Arithmetic arithmetic) {
            AttributeValue left = value(arithmetic.left(), item, mismatch);
            AttributeValue right = value(arithmetic.right(), item, mismatch);
            if (!(left instanceof AttributeValue.N l) || !(right instanceof AttributeValue.N r)) {
                throw DynamoException.validation(mismatch, "'" + arithmetic.operator() + "' needs two numbers, got "
                        + left.type() + " and " + right.type());
            }
            return new AttributeValue.N(arithmetic(arithmetic.operator() == '+', l.value(), r.value()));
        }
        Operand.Call call = (Operand.Call) o;
        if (call.function().equals("if_not_exists")) {
            AttributeValue existing = Evaluator.resolve(((Operand.Path) call.args().get(0)).path(), item);
            return existing != null ? existing : value(call.args().get(1), item, mismatch);
        }
        AttributeValue first = value(call.args().get(0), item, mismatch);
        AttributeValue second = value(call.args().get(1), item, mismatch);
        if (!(first instanceof AttributeValue.L a) || !(second instanceof AttributeValue.L b)) {
            throw DynamoException.validation(mismatch, "list_append needs two lists, got " + first.type() + " and " + second.type());
        }
        List<AttributeValue> joined = new ArrayList<>(a.values());
        joined.addAll(b.values());
        return new AttributeValue.L(joined);
    }

    private static DynamoNumber arithmetic(boolean plus, DynamoNumber a, DynamoNumber b) {
        try {
            return plus ? a.add(b) : a.subtract(b);
        } catch (DynamoNumber.InvalidNumberException e) {
            throw DynamoException.validation(e.getMessage());
        }
    }

    // ---- changing a path

    private static void set(Map<String, AttributeValue> item, DocumentPath path, AttributeValue value) {
        String name = path.attribute();
        if (path.size() == 1) {
            item.put(name, value);
            return;
        }
        AttributeValue top = item.get(name);
        if (top == null) throw DynamoException.validation(INVALID_PATH, "the attribute " + name + " does not exist, so " + path + " cannot be set");
        item.put(name, setIn(top, path, 1, value));
    }

    private static AttributeValue setIn(AttributeValue current, DocumentPath path, int i, AttributeValue value) {
        boolean last = i == path.size() - 1;
        DocumentPath.Element e = path.get(i);
        if (e instanceof DocumentPath.Index index) {
            if (!(current instanceof AttributeValue.L list)) throw invalidPath(path, current);
            List<AttributeValue> elements = new ArrayList<>(list.values());
            int at = index.index();
            if (last) {
                if (at < elements.size()) elements.set(at, value);
                else elements.add(value); // past the end appends
            } else {
                if (at >= elements.size()) throw DynamoException.validation(INVALID_PATH, path + " goes past the end of a list");
                elements.set(at, setIn(elements.get(at), path, i + 1, value));
            }
            return new AttributeValue.L(elements);
        }
        if (!(current instanceof AttributeValue.M map)) throw invalidPath(path, current);
        String key = ((DocumentPath.Name) e).name();
        Map<String, AttributeValue> entries = new LinkedHashMap<>(map.values());
        if (last) {
            entries.put(key, value);
        } else {
            AttributeValue child = entries.get(key);
            if (child == null) throw DynamoException.validation(INVALID_PATH, "the map has no key " + key + " on the way to " + path);
            entries.put(key, setIn(child, path, i + 1, value));
        }
        return new AttributeValue.M(entries);
    }

    private static DynamoException invalidPath(DocumentPath path, AttributeValue found) {
        return DynamoException.validation(INVALID_PATH, path + " passes through a value of type " + found.type());
    }

    /**
     * REMOVE of a missing attribute or list element does nothing; a path through something missing is invalid.
     * {@code verb} says what could not be done to the path, in the explanation of an invalid one.
     */
    private static void remove(Map<String, AttributeValue> item, DocumentPath path, String verb) {
        String name = path.attribute();
        if (path.size() == 1) {
            item.remove(name);
            return;
        }
        AttributeValue top = item.get(name);
        if (top == null) throw DynamoException.validation(INVALID_PATH, "the attribute " + name + " does not exist, so " + path + " cannot be " + verb);
        item.put(name, removeIn(top, path, 1));
    }

    private static AttributeValue removeIn(AttributeValue current, DocumentPath path, int i) {
        boolean last = i == path.size() - 1;
        DocumentPath.Element e = path.get(i);
        if (e instanceof DocumentPath.Index index) {
            if (!(current instanceof AttributeValue.L list)) throw invalidPath(path, current);
            int at = index.index();
            if (at >= list.values().size()) {
                if (last) return current;
                throw DynamoException.validation(INVALID_PATH, path + " goes past the end of a list");
            }
            List<AttributeValue> elements = new ArrayList<>(list.values());
            if (last) elements.remove(at);
            else elements.set(at, removeIn(elements.get(at), path, i + 1));
            return new AttributeValue.L(elements);
        }
        if (!(current instanceof AttributeValue.M map)) throw invalidPath(path, current);
        String key = ((DocumentPath.Name) e).name();
        AttributeValue child = map.values().get(key);
        if (child == null) {
            if (last) return current;
            throw DynamoException.validation(INVALID_PATH, "the map has no key " + key + " on the way to " + path);
        }
        Map<String, AttributeValue> entries = new LinkedHashMap<>(map.values());
        if (last) entries.remove(key);
        else entries.put(key, removeIn(child, path, i + 1));
        return new AttributeValue.M(entries);
    }

    private static void add(Map<String, AttributeValue> item, DocumentPath path, AttributeValue operand, String mismatch) {
        AttributeValue current = Evaluator.resolve(path, item);
        if (current == null) {
            set(item, path, operand);
            return;
        }
        if (current.type() != operand.type()) {
            throw DynamoException.validation(mismatch, "ADD of " + operand.type() + " to " + path + " which is " + current.type());
        }
        AttributeValue sum = switch (current.type()) {
            case N -> new AttributeValue.N(arithmetic(true, ((AttributeValue.N) current).value(), ((AttributeValue.N) operand).value()));
            case SS, NS, BS -> AttributeSets.union(current, operand);
            default -> throw DynamoException.validation(mismatch, "ADD applies to numbers and sets, and " + path + " is " + current.type());
        };
        set(item, path, sum);
    }

    private static void delete(Map<String, AttributeValue> item, DocumentPath path, AttributeValue operand, String mismatch) {
        AttributeValue current = Evaluator.resolve(path, item);
        if (current == null) {
            // nothing to take from, which is fine, but only at the end of a path that exists up to it, as for REMOVE
            remove(item, path, "changed by DELETE");
            return;
        }
        if (current.type() != operand.type()) {
            throw DynamoException.validation(mismatch, "DELETE of " + operand.type() + " from " + path + " which is " + current.type());
        }
        AttributeValue rest = AttributeSets.difference(current, operand);
        if (rest == null) remove(item, path, "removed");
        else set(item, path, rest);
    }
}
