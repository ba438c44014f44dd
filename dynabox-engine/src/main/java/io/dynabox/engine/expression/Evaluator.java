package io.dynabox.engine.expression;

import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.DynamoNumber;
import java.util.List;
import java.util.Map;

/**
 * Evaluates bound conditions against an item (a missing item is the empty item), and
 * explains a false result for Dynabox's message suffix. As in the service, a comparison of
 * values of different types, or a function on a value of a type it does not apply to, is
 * false rather than an error, and a missing attribute makes every comparison false except
 * {@code <>}.
 */
public final class Evaluator {
    private Evaluator() {}

    public static boolean test(Condition c, Map<String, AttributeValue> item) {
        if (c instanceof Condition.And and) return test(and.left(), item) && test(and.right(), item);
        if (c instanceof Condition.Or or) return test(or.left(), item) || test(or.right(), item);
        if (c instanceof Condition.Not not) return !test(not.condition(), item);
        if (c instanceof Condition.True) return true;
        if (c instanceof Condition.Compare compare) {
            AttributeValue left = value(compare.left(), item);
            AttributeValue right = value(compare.right(), item);
            return compare(compare.comparator(), left, right);
        }
        if (c instanceof Condition.Between between) {
            AttributeValue v = value(between.value(), item);
            AttributeValue low = value(between.low(), item);
            AttributeValue high = value(between.high(), item);
            return compare(Condition.Comparator.GE, v, low) && compare(Condition.Comparator.LE, v, high);
        }
        if (c instanceof Condition.In in) {
            AttributeValue v = value(in.value(), item);
            if (v == null) return false;
            for (Operand candidate : in.candidates()) if (Values.same(v, value(candidate, item))) return true;
            return false;
        }
        return function((Condition.Function) c, item);
    }

    /** {@code =} and {@code <>} take any types; the order comparisons only S, N and B of one type. */
    public static boolean compare(Condition.Comparator comparator, AttributeValue left, AttributeValue right) {
        switch (comparator) {
            case EQ:
                return Values.same(left, right);
            case NE:
                return !Values.same(left, right);
            default:
                if (left == null || right == null || left.type() != right.type() || !Values.isOrdered(left)) return false;
                int order = Values.compare(left, right);
                return switch (comparator) {
                    case LT -> order < 0;
                    case LE -> order <= 0;
                    case GT -> order > 0;
                    default -> order >= 0;
                };
        }
    }

    private static boolean function(Condition.Function f, Map<String, AttributeValue> item) {
        List<Operand> args = f.args();
        switch (f.name()) {
            case "attribute_exists":
                return value(args.get(0), item) != null;
            case "attribute_not_exists":
                return value(args.get(0), item) == null;
            case "attribute_type": {
                AttributeValue v = value(args.get(0), item);
                AttributeValue type = value(args.get(1), item);
                return v != null && type instanceof AttributeValue.S s && v.type().name().equals(s.value());
            }
            case "begins_with": {
                AttributeValue v = value(args.get(0), item);
                AttributeValue prefix = value(args.get(1), item);
                if (v instanceof AttributeValue.S s && prefix instanceof AttributeValue.S p) return s.value().startsWith(p.value());
                if (v instanceof AttributeValue.B b && prefix instanceof AttributeValue.B p) return b.value().startsWith(p.value());
                return false;
            }
            case "contains":
                return contains(value(args.get(0), item), value(args.get(1), item));
            default:
                throw new IllegalStateException("function " + f.name() + " passed the binder");
        }
    }

    public static boolean contains(AttributeValue whole, AttributeValue part) {
        if (whole == null || part == null) return false;
        switch (whole.type()) {
            case S:
                return part instanceof AttributeValue.S p && ((AttributeValue.S) whole).value().contains(p.value());
            case B:
                return part instanceof AttributeValue.B p && ((AttributeValue.B) whole).value().contains(p.value());
            case SS:
                return part instanceof AttributeValue.S p && ((AttributeValue.SS) whole).values().contains(p.value());
            case NS:
                return part instanceof AttributeValue.N p && ((AttributeValue.NS) whole).values().contains(p.value());
            case BS:
                return part instanceof AttributeValue.B p && ((AttributeValue.BS) whole).values().contains(p.value());
            case L:
                for (AttributeValue element : ((AttributeValue.L) whole).values()) if (Values.same(element, part)) return true;
                return false;
            default:
                return false;
        }
    }

    /** The value of an operand in a condition; null when it names nothing. */
    public static AttributeValue value(Operand o, Map<String, AttributeValue> item) {
        if (o instanceof Operand.Value v) return v.value();
        if (o instanceof Operand.Path p) return resolve(p.path(), item);
        if (o instanceof Operand.Call call && call.function().equals("size")) return size(value(call.args().get(0), item));
        throw new IllegalStateException("operand " + o + " has no value in a condition");
    }

    /** The size function: characters of a string, bytes of a binary, elements of a set, list or map. */
    static AttributeValue size(AttributeValue v) {
        if (v == null) return null;
        long n;
        switch (v.type()) {
            case S: n = ((AttributeValue.S) v).value().length(); break;
            case B: n = ((AttributeValue.B) v).value().length(); break;
            case SS: n = ((AttributeValue.SS) v).values().size(); break;
            case NS: n = ((AttributeValue.NS) v).values().size(); break;
            case BS: n = ((AttributeValue.BS) v).values().size(); break;
            case L: n = ((AttributeValue.L) v).values().size(); break;
            case M: n = ((AttributeValue.M) v).values().size(); break;
            default: return null;
        }
        return new AttributeValue.N(DynamoNumber.of(n));
    }

    /** The value a bound document path names in an item, or null. */
    public static AttributeValue resolve(DocumentPath path, Map<String, AttributeValue> item) {
        if (item == null) return null;
        AttributeValue current = item.get(path.attribute());
        for (int i = 1; i < path.size() && current != null; i++) {
            DocumentPath.Element e = path.get(i);
            if (e instanceof DocumentPath.Index index) {
                if (!(current instanceof AttributeValue.L list) || index.index() >= list.values().size()) return null;
                current = list.values().get(index.index());
            } else {
                if (!(current instanceof AttributeValue.M map)) return null;
                current = map.values().get(((DocumentPath.Name) e).name());
            }
        }
        return current;
    }

    /** Why a condition is false for an item, naming the failing part and the values it saw. */
    public static String explain(Condition c, Map<String, AttributeValue> item) {
        if (c instanceof Condition.And and) return test(and.left(), item) ? explain(and.right(), item) : explain(and.left(), item);
        if (c instanceof Condition.Or or) return "neither held: " + explain(or.left(), item) + "; " + explain(or.right(), item);
        if (c instanceof Condition.Not not) return not.condition() + " held, so NOT was false" + seen(not.condition(), item);
        if (item == null) return c + " was false: the item does not exist";
        return c + " was false" + seen(c, item);
    }

    private static String seen(Condition c, Map<String, AttributeValue> item) {
        StringBuilder s = new StringBuilder();
        List<Operand> operands;
        if (c instanceof Condition.Compare compare) operands = List.of(compare.left(), compare.right());
        else if (c instanceof Condition.Between between) operands = List.of(between.value());
        else if (c instanceof Condition.In in) operands = List.of(in.value());
        else if (c instanceof Condition.Function f) operands = f.args();
        else return "";
        for (Operand o : operands) {
            if (o instanceof Operand.Value) continue;
            s.append(s.length() == 0 ? ": " : ", ").append(o).append(" is ").append(Values.typed(value(o, item)));
        }
        return s.toString();
    }
}
