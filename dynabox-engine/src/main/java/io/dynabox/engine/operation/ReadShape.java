package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.expression.Condition;
import io.dynabox.engine.expression.DocumentPath;
import io.dynabox.engine.expression.Evaluator;
import io.dynabox.engine.expression.ExpressionAttributes;
import io.dynabox.engine.expression.Expressions;
import io.dynabox.engine.expression.Legacy;
import io.dynabox.engine.expression.Operand;
import io.dynabox.engine.expression.Projector;
import io.dynabox.engine.table.KeySchema;
import io.dynabox.engine.value.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * What a Query or Scan does to each item it reads: the filter (FilterExpression or the
 * legacy QueryFilter/ScanFilter) and the projection (ProjectionExpression or
 * AttributesToGet), with the top-level attributes each needs, so an index read knows
 * whether its entries hold them.
 */
record ReadShape(Condition filter, List<DocumentPath> projection, String filterMember) {

    /** Reads the filter and projection members; {@code legacyFilter} is QueryFilter or ScanFilter. */
    static ReadShape of(JsonNode request, ExpressionAttributes attributes, String legacyFilter) {
        Condition filter = null;
        String filterMember = null;
        if (ItemRequests.has(request, "FilterExpression")) {
            filterMember = "FilterExpression";
            filter = Expressions.condition("FilterExpression", request.get("FilterExpression").textValue(), attributes);
        } else if (ItemRequests.has(request, legacyFilter)) {
            filterMember = legacyFilter;
            filter = Legacy.filter(request.get(legacyFilter), request.get("ConditionalOperator"));
        } else if (ItemRequests.has(request, "ConditionalOperator")) {
            Legacy.filter(null, request.get("ConditionalOperator")); // refused: an operator without conditions
        }
        List<DocumentPath> projection = ItemRequests.has(request, "ProjectionExpression")
                ? Expressions.projection(request.get("ProjectionExpression").textValue(), attributes)
                : Legacy.attributesToGet(request.get("AttributesToGet"));
        return new ReadShape(filter, projection, filterMember);
    }

    /** The same from a FilterExpression and a ProjectionExpression given as text (null where not given), in the same order. */
    static ReadShape of(String filterExpression, String projectionExpression, ExpressionAttributes attributes) {
        Condition filter = filterExpression == null ? null : Expressions.condition("FilterExpression", filterExpression, attributes);
        List<DocumentPath> projection = projectionExpression == null ? null : Expressions.projection(projectionExpression, attributes);
        return new ReadShape(filter, projection, filter == null ? null : "FilterExpression");
    }

    /** The top-level attributes the projection names, or null when it names none. */
    List<String> projectedAttributes() {
        if (projection == null) return null;
        Set<String> names = new LinkedHashSet<>();
        for (DocumentPath path : projection) names.add(path.attribute());
        return new ArrayList<>(names);
    }

    /** The top-level attributes the filter reads. */
    Set<String> filterAttributes() {
        Set<String> names = new LinkedHashSet<>();
        if (filter != null) collect(filter, names);
        return names;
    }

    /** A Query's filter may not name the key attributes of the schema queried. */
    void checkFilterAvoidsKey(KeySchema schema) {
        if (filter == null) return;
        Set<String> names = filterAttributes();
        for (KeySchema.Element element : schema.elements()) {
            String key = element.name();
            if (names.contains(key)) {
                String what = filterMember.equals("FilterExpression") ? "Filter Expression" : filterMember;
                throw DynamoException.validation(what + " can only contain non-primary key attributes: Primary key attribute: " + key);
            }
        }
    }

    Predicate<Map<String, AttributeValue>> predicate() {
        return filter == null ? null : item -> Evaluator.test(filter, item);
    }

    UnaryOperator<Map<String, AttributeValue>> projector() {
        return projection == null ? null : item -> Projector.project(item, projection);
    }

    private static void collect(Condition c, Set<String> names) {
        if (c instanceof Condition.And and) {
            collect(and.left(), names);
            collect(and.right(), names);
        } else if (c instanceof Condition.Or or) {
            collect(or.left(), names);
            collect(or.right(), names);
        } else if (c instanceof Condition.Not not) {
            collect(not.condition(), names);
        } else if (c instanceof Condition.Compare compare) {
            collect(compare.left(), names);
            collect(compare.right(), names);
        } else if (c instanceof Condition.Between between) {
            collect(between.value(), names);
            collect(between.low(), names);
            collect(between.high(), names);
        } else if (c instanceof Condition.In in) {
            collect(in.value(), names);
            for (Operand candidate : in.candidates()) collect(candidate, names);
        } else if (c instanceof Condition.Function function) {
            for (Operand arg : function.args()) collect(arg, names);
        }
    }

    private static void collect(Operand o, Set<String> names) {
        if (o instanceof Operand.Path path) names.add(path.path().attribute());
        else if (o instanceof Operand.Call call) for (Operand arg : call.args()) collect(arg, names);
        else if (o instanceof Operand.Arithmetic arithmetic) {
            collect(arithmetic.left(), names);
            collect(arithmetic.right(), names);
        }
    }
}
