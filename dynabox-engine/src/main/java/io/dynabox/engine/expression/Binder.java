package io.dynabox.engine.expression;

import io.dynabox.engine.value.AttributeValue;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds a parsed tree to one request: resolves {@code #name} and {@code :value}
 * placeholders and makes every check the service makes after the syntax. Each check
 * belongs to a category; the service reports the first problem of the highest category, so
 * problems are collected in the order met and the answer is chosen at the end (in a
 * condition, the lower categories are settled by the first leaf that has one: {@link #leafDone}).
 */
final class Binder {
    static final int MAX_OPERATORS = 300;
    static final int MAX_IN_OPERANDS = 100;
    static final int MAX_NESTING_LEVELS = 32;

    private static final Set<String> CONDITION_FUNCTIONS =
            Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains");
    private static final Map<String, Integer> ARITY = Map.of("attribute_exists", 1, "attribute_not_exists", 1,
            "attribute_type", 2, "begins_with", 2, "contains", 2, "size", 1, "if_not_exists", 2, "list_append", 2);
    private static final List<String> TYPE_NAMES = List.of("S", "N", "B", "NULL", "SS", "BOOL", "L", "BS", "NS", "M");

    /** The categories, highest first. */
    private enum Category {
        LIMIT, PARENTHESES, INDEX, UNKNOWN_FUNCTION, MISUSED_FUNCTION, RESERVED, SECTION,
        NAME, VALUE, OVERLAP, CONFLICT, OPERAND, DISTINCT, FUNCTION
    }

    private final ExpressionAttributes attributes;
    private final boolean update;
    private final String[] problems = new String[Category.values().length];
    private int operators;
    /** In conditions the service reports an undefined name or value in one category, whichever comes first. */
    private final boolean namesAndValuesTogether;

    private Binder(ExpressionAttributes attributes, boolean update, boolean namesAndValuesTogether) {
        this.attributes = attributes;
        this.update = update;
        this.namesAndValuesTogether = namesAndValuesTogether;
    }

    /**
     * In a condition, the problems of these categories are settled leaf by leaf: the first
     * comparison or function (in the order written) with one of them fixes which is reported,
     * the highest of its own; later leaves' problems of these categories are not reported.
     */
    private static final List<Category> LEAF_CATEGORIES = List.of(Category.NAME, Category.VALUE, Category.OPERAND, Category.DISTINCT,
            Category.FUNCTION);
    /** The leaf problem a condition reports, once a leaf had one; null before. */
    private String leafProblem;

    /** After a condition's leaf: its problem of the leaf categories, if it is the first leaf with one. */
    private void leafDone() {
        if (leafProblem != null) return;
        for (Category category : LEAF_CATEGORIES) {
            if (problems[category.ordinal()] != null) {
                leafProblem = problems[category.ordinal()];
                return;
            }
        }
    }

    private void problem(Category category, String message) {
        if (problems[category.ordinal()] == null) problems[category.ordinal()] = message;
    }

    private void finish(Parser.Parsed<?> parsed) {
        if (operators > MAX_OPERATORS) {
            // the service stops counting at the first operator over the limit
            problem(Category.LIMIT, "The expression contains too many operators; operator count: " + (MAX_OPERATORS + 1));
        }
        if (parsed.redundantParentheses() != null) problem(Category.PARENTHESES, parsed.redundantParentheses());
        if (parsed.indexOutOfRange() != null) problem(Category.INDEX, parsed.indexOutOfRange());
        // updates rank a reserved word above an unknown function; conditions the other way round
        if (update && problems[Category.RESERVED.ordinal()] != null && problems[Category.LIMIT.ordinal()] == null) {
            throw new ExpressionError(problems[Category.RESERVED.ordinal()]);
        }
        if (leafProblem != null) { // a condition's: it stands for all the leaf categories, in the place of the highest
            for (Category category : LEAF_CATEGORIES) problems[category.ordinal()] = null;
            problems[LEAF_CATEGORIES.get(0).ordinal()] = leafProblem;
        }
        for (String message : problems) if (message != null) throw new ExpressionError(message);
    }

    // ---- conditions

    static Condition condition(Parser.Parsed<Condition> parsed, ExpressionAttributes attributes) {
        Binder b = new Binder(attributes, false, true);
        Condition bound = b.bind(parsed.tree());
        b.finish(parsed);
        return bound;
    }

    private Condition bind(Condition c) {
        if (c instanceof Condition.And and) {
            operators++;
            return new Condition.And(bind(and.left()), bind(and.right()));
        }
        if (c instanceof Condition.Or or) {
            operators++;
            return new Condition.Or(bind(or.left()), bind(or.right()));
        }
        if (c instanceof Condition.Not not) {
            operators++;
            return new Condition.Not(bind(not.condition()));
        }
        operators++;
        if (c instanceof Condition.Compare compare) {
            Operand left = operand(compare.left());
            Operand right = operand(compare.right());
            misused(left);
            misused(right);
            distinct(compare.comparator().symbol, left, List.of(right));
            if (compare.comparator() != Condition.Comparator.EQ && compare.comparator() != Condition.Comparator.NE) {
                ordered(compare.comparator().symbol, List.of(left, right));
            }
            leafDone();
            return new Condition.Compare(compare.comparator(), left, right);
        }
        if (c instanceof Condition.Between between) {
            Operand value = operand(between.value());
            Operand low = operand(between.low());
            Operand high = operand(between.high());
            misused(value);
            misused(low);
            misused(high);
            distinct("BETWEEN", value, List.of(low, high));
            ordered("BETWEEN", List.of(value, low, high));
            bounds(low, high);
            leafDone();
            return new Condition.Between(value, low, high);
        }
        if (c instanceof Condition.In in) {
            if (in.candidates().size() > MAX_IN_OPERANDS) {
                problem(Category.LIMIT, "The IN operator is provided with too many operands; number of operands: " + in.candidates().size());
            }
            Operand value = operand(in.value());
            misused(value);
            List<Operand> candidates = new ArrayList<>();
            for (Operand candidate : in.candidates()) {
                Operand bound = operand(candidate);
                misused(bound);
                candidates.add(bound);
            }
            distinct("IN", value, candidates);
            leafDone();
            return new Condition.In(value, candidates);
        }
        Condition.Function function = (Condition.Function) c;
        operators--; // counted again as a call
        Operand.Call call = (Operand.Call) operand(new Operand.Call(function.name(), function.args()));
        if (call.function().equals("size")) problem(Category.MISUSED_FUNCTION, misusedMessage("size"));
        leafDone();
        return new Condition.Function(call.function(), call.args());
    }

    private static String misusedMessage(String function) {
        return "The function is not allowed to be used this way in an expression; function: " + function;
    }

    private void misused(Operand operand) {
        if (operand instanceof Operand.Call call && CONDITION_FUNCTIONS.contains(call.function())) {
            problem(Category.MISUSED_FUNCTION, misusedMessage(call.function()));
        }
    }

    private void distinct(String operator, Operand first, List<Operand> others) {
        if (!(first instanceof Operand.Path path)) return;
        for (Operand other : others) {
            if (other instanceof Operand.Path otherPath && otherPath.path().equals(path.path()) && isResolved(path.path())) {
                problem(Category.DISTINCT, "The first operand must be distinct from the remaining operands for this operator or function; operator: "
                        + operator + ", first operand: " + path.path().bracketed());
                return;
            }
        }
    }

    /** Order comparisons take only strings, numbers and binaries where the type is known before the item. */
    private void ordered(String operator, List<Operand> operands) {
        for (Operand operand : operands) {
            AttributeValue.Type type = staticType(operand);
            if (type != null && type != AttributeValue.Type.S && type != AttributeValue.Type.N && type != AttributeValue.Type.B) {
                incorrectType(operator, type.name());
                return;
            }
        }
    }

    private static boolean isResolved(DocumentPath path) {
        for (DocumentPath.Element e : path.elements()) if (e instanceof DocumentPath.NameRef) return false;
        return true;
    }

    private void bounds(Operand low, Operand high) {
        if (!(low instanceof Operand.Value l) || !(high instanceof Operand.Value h) || l.value() == null || h.value() == null) return;
        if (l.value().type() != h.value().type()) {
            problem(Category.FUNCTION, "The BETWEEN operator requires same data type for lower and upper bounds; " + boundsText(l, h));
        } else if (Values.isOrdered(l.value()) && Values.compare(l.value(), h.value()) > 0) {
            problem(Category.FUNCTION, "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; " + boundsText(l, h));
        }
    }

    /** The bounds as the service's message shows them (written only for a message: a valid BETWEEN needs none). */
    private static String boundsText(Operand.Value low, Operand.Value high) {
        return "lower bound operand: AttributeValue: {" + Values.render(low.value()) + "}, upper bound operand: AttributeValue: {"
                + Values.render(high.value()) + "}";
    }

    // ---- operands

    private Operand operand(Operand o) {
        if (o instanceof Operand.Path path) return new Operand.Path(path(path.path()));
        if (o instanceof Operand.Value value) {
            AttributeValue resolved = attributes.value(value.placeholder());
            if (resolved == null) {
                problem(namesAndValuesTogether ? Category.NAME : Category.VALUE,
                        "An expression attribute value used in expression is not defined; attribute value: " + value.placeholder());
            }
            return new Operand.Value(value.placeholder(), resolved);
        }
        if (o instanceof Operand.Arithmetic arithmetic) {
            operators++;
            Operand left = operand(arithmetic.left());
            Operand right = operand(arithmetic.right());
            String symbol = String.valueOf(arithmetic.operator());
            for (Operand arg : List.of(left, right)) {
                AttributeValue.Type type = immediateType(arg);
                if (type != null && type != AttributeValue.Type.N) {
                    problem(Category.FUNCTION, "Incorrect operand type for operator or function; operator or function: " + symbol + ", operand type: " + type);
                    break;
                }
            }
            return new Operand.Arithmetic(arithmetic.operator(), left, right);
        }
        Operand.Call call = (Operand.Call) o;
        operators++;
        String name = call.function();
        List<Operand> args = new ArrayList<>();
        for (Operand arg : call.args()) args.add(operand(arg));
        boolean allowed = update ? name.equals("if_not_exists") || name.equals("list_append")
                : CONDITION_FUNCTIONS.contains(name) || name.equals("size");
        if (!ARITY.containsKey(name)) {
            problem(Category.UNKNOWN_FUNCTION, "Invalid function name; function: " + name);
        } else if (!allowed) {
            problem(Category.UNKNOWN_FUNCTION, "The function is not allowed in " + (update ? "an update" : "a condition")
                    + " expression; function: " + name);
        } else {
            checkCall(name, args);
        }
        return new Operand.Call(name, args);
    }

    private void checkCall(String name, List<Operand> args) {
        if (args.size() != ARITY.get(name)) {
            problem(update ? Category.FUNCTION : Category.OPERAND, "Incorrect number of operands for operator or function; operator or function: "
                    + name + ", number of operands: " + args.size());
            return;
        }
        if (args.size() == 2 && !update) distinct(name, args.get(0), List.of(args.get(1)));
        switch (name) {
            case "attribute_exists", "attribute_not_exists", "if_not_exists" -> {
                if (!(args.get(0) instanceof Operand.Path)) {
                    problem(Category.FUNCTION, "Operator or function requires a document path; operator or function: " + name);
                }
            }
            case "begins_with" -> {
                for (Operand arg : args) {
                    AttributeValue.Type type = staticType(arg);
                    if (type != null && type != AttributeValue.Type.S && type != AttributeValue.Type.B) {
                        incorrectType(name, type.name());
                        break;
                    }
                }
            }
            case "attribute_type" -> {
                AttributeValue.Type type = staticType(args.get(1));
                if (type != AttributeValue.Type.S) {
                    incorrectType(name, type == null ? "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}" : type.name());
                } else if (args.get(1) instanceof Operand.Value v && v.value() != null
                        && !TYPE_NAMES.contains(((AttributeValue.S) v.value()).value())) {
                    problem(Category.FUNCTION, "Invalid attribute type name found; type: " + ((AttributeValue.S) v.value()).value()
                            + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
                }
            }
            case "size" -> {
                AttributeValue.Type type = staticType(args.get(0));
                if (type == AttributeValue.Type.N || type == AttributeValue.Type.BOOL || type == AttributeValue.Type.NULL) {
                    incorrectType(name, type.name());
                }
            }
            case "list_append" -> {
                for (Operand arg : args) {
                    AttributeValue.Type type = immediateType(arg);
                    if (type != null && type != AttributeValue.Type.L) {
                        incorrectType(name, type.name());
                        break;
                    }
                }
            }
            default -> { }
        }
    }

    private void incorrectType(String function, String type) {
        problem(Category.FUNCTION, "Incorrect operand type for operator or function; operator or function: " + function + ", operand type: " + type);
    }

    /** The type of a supplied value; null for paths and calls. */
    private static AttributeValue.Type immediateType(Operand o) {
        return o instanceof Operand.Value v && v.value() != null ? v.value().type() : null;
    }

    /** The type an operand is known to have before the item is seen. */
    private static AttributeValue.Type staticType(Operand o) {
        if (o instanceof Operand.Call call && call.function().equals("size")) return AttributeValue.Type.N;
        return immediateType(o);
    }

    private DocumentPath path(DocumentPath path) {
        if (path.size() > MAX_NESTING_LEVELS) {
            problem(Category.LIMIT, "The document path has too many nesting levels; nesting levels: " + path.size());
        }
        List<DocumentPath.Element> elements = new ArrayList<>(path.size());
        for (DocumentPath.Element e : path.elements()) {
            if (e instanceof DocumentPath.NameRef ref) {
                String name = attributes.name(ref.placeholder());
                if (name == null) {
                    problem(Category.NAME, "An expression attribute name used in the document path is not defined; attribute name: " + ref.placeholder());
                    elements.add(e);
                } else {
                    elements.add(new DocumentPath.Name(name));
                }
            } else {
                if (e instanceof DocumentPath.Name name && ReservedWords.isReserved(name.name())) {
                    problem(Category.RESERVED, "Attribute name is a reserved keyword; reserved keyword: " + name.name());
                }
                elements.add(e);
            }
        }
        return new DocumentPath(elements);
    }

    // ---- update expressions

    static UpdateExpression update(Parser.Parsed<UpdateExpression> parsed, ExpressionAttributes attributes) {
        Binder b = new Binder(attributes, true, false);
        EnumSet<UpdateExpression.Clause> seen = EnumSet.noneOf(UpdateExpression.Clause.class);
        for (UpdateExpression.Clause section : parsed.tree().sections()) {
            if (!seen.add(section)) b.problem(Category.SECTION, "The \"" + section + "\" section can only be used once in an update expression;");
        }
        List<UpdateExpression.Action> actions = new ArrayList<>();
        List<DocumentPath> paths = new ArrayList<>();
        for (UpdateExpression.Action action : parsed.tree().actions()) {
            DocumentPath path = b.path(action.path());
            b.overlaps(paths, path);
            Operand value = action.value() == null ? null : b.operand(action.value());
            if (value != null) b.listAppendOnlyOnTop(value);
            if (value instanceof Operand.Value v && v.value() != null
                    && (action.clause() == UpdateExpression.Clause.ADD || action.clause() == UpdateExpression.Clause.DELETE)) {
                AttributeValue.Type type = v.value().type();
                boolean ok = type.isSet() || (action.clause() == UpdateExpression.Clause.ADD && type == AttributeValue.Type.N);
                if (!ok) {
                    b.problem(Category.OPERAND, "Incorrect operand type for operator or function; operator: " + action.clause()
                            + ", operand type: " + longTypeName(type) + ", typeSet: ALLOWED_FOR_" + action.clause() + "_OPERAND");
                }
            }
            actions.add(new UpdateExpression.Action(action.clause(), path, value));
        }
        b.finish(parsed);
        return new UpdateExpression(actions, parsed.tree().sections());
    }

    /** list_append is a SET's whole value or nothing: inside another function or an arithmetic, the service refuses it. */
    private void listAppendOnlyOnTop(Operand value) {
        if (value instanceof Operand.Call call) {
            for (Operand arg : call.args()) noListAppendIn(arg);
        } else if (value instanceof Operand.Arithmetic arithmetic) {
            noListAppendIn(arithmetic.left());
            noListAppendIn(arithmetic.right());
        }
    }

    private void noListAppendIn(Operand operand) {
        if (operand instanceof Operand.Call call) {
            if (call.function().equals("list_append")) problem(Category.MISUSED_FUNCTION, misusedMessage("list_append"));
            for (Operand arg : call.args()) noListAppendIn(arg);
        } else if (operand instanceof Operand.Arithmetic arithmetic) {
            noListAppendIn(arithmetic.left());
            noListAppendIn(arithmetic.right());
        }
    }

    private static String longTypeName(AttributeValue.Type type) {
        return switch (type) {
            case S -> "STRING";
            case N -> "NUMBER";
            case B -> "BINARY";
            case BOOL -> "BOOLEAN";
            case NULL -> "NULL";
            case L -> "LIST";
            case M -> "MAP";
            default -> type.name();
        };
    }

    private void overlaps(List<DocumentPath> earlier, DocumentPath path) {
        if (!isResolved(path)) return;
        for (DocumentPath other : earlier) {
            int common = Math.min(other.size(), path.size());
            boolean differ = false;
            for (int i = 0; i < common && !differ; i++) {
                DocumentPath.Element a = other.get(i);
                DocumentPath.Element b = path.get(i);
                if ((a instanceof DocumentPath.Index) != (b instanceof DocumentPath.Index)) {
                    problem(Category.CONFLICT, "Two document paths conflict with each other; must remove or rewrite one of these paths; path one: "
                            + other.bracketed() + ", path two: " + path.bracketed());
                    differ = true;
                } else if (!a.equals(b)) {
                    differ = true;
                }
            }
            if (!differ) {
                problem(Category.OVERLAP, "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: "
                        + other.bracketed() + ", path two: " + path.bracketed());
            }
        }
        earlier.add(path);
    }

    // ---- projections

    static List<DocumentPath> projection(Parser.Parsed<List<DocumentPath>> parsed, ExpressionAttributes attributes) {
        Binder b = new Binder(attributes, false, true);
        List<DocumentPath> paths = new ArrayList<>();
        for (DocumentPath path : parsed.tree()) b.overlaps(paths, b.path(path));
        b.finish(parsed);
        return paths;
    }
}
