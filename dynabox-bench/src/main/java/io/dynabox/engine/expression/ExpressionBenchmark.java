package io.dynabox.engine.expression;

import io.dynabox.engine.value.AttributeValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse and evaluate typical conditions and updates: once as a request pays for them (the
 * parse cached by text, then bind and evaluate), and once with a fresh parse each time, to
 * show what the cache saves. It lives in the expression package to reach the parser
 * without its cache.
 *
 * <pre>java -jar dynabox-bench/target/benchmarks.jar ExpressionBenchmark -f 1 -wi 2 -i 3</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExpressionBenchmark {
    static final String CONDITION = "attribute_exists(#id) AND #status IN (:open, :pending) AND version = :v AND size(tags) < :max";
    static final String UPDATE = "SET #status = :closed, version = version + :one, history = list_append(if_not_exists(history, :empty), :entry)"
            + " REMOVE lockedBy ADD tags :tags";

    final Map<String, AttributeValue> item = new LinkedHashMap<>();
    final Map<String, String> names = Map.of("#id", "id", "#status", "status");
    final Map<String, AttributeValue> values = Map.of(":open", AttributeValue.s("OPEN"), ":pending", AttributeValue.s("PENDING"),
            ":v", AttributeValue.n(7), ":max", AttributeValue.n(10));
    final Map<String, AttributeValue> updateValues = Map.of(":closed", AttributeValue.s("CLOSED"), ":one", AttributeValue.n(1),
            ":empty", new AttributeValue.L(List.of()), ":entry", new AttributeValue.L(List.of(AttributeValue.s("closed"))),
            ":tags", new AttributeValue.SS(java.util.Set.of("done")));

    public ExpressionBenchmark() {
        item.put("id", AttributeValue.s("order-1"));
        item.put("status", AttributeValue.s("PENDING"));
        item.put("version", AttributeValue.n(7));
        item.put("tags", new AttributeValue.SS(java.util.Set.of("a", "b")));
        item.put("lockedBy", AttributeValue.s("worker-3"));
    }

    @Benchmark
    public boolean conditionCached() {
        return Evaluator.test(Expressions.condition("ConditionExpression", CONDITION, new ExpressionAttributes(names, values)), item);
    }

    @Benchmark
    public boolean conditionParsedEachTime() {
        Condition condition = Binder.condition(Parser.condition(CONDITION), new ExpressionAttributes(names, values));
        return Evaluator.test(condition, item);
    }

    @Benchmark
    public Map<String, AttributeValue> updateCached() {
        return Updater.apply(Expressions.update(UPDATE, new ExpressionAttributes(Map.of("#status", "status"), updateValues)), item);
    }

    @Benchmark
    public Map<String, AttributeValue> updateParsedEachTime() {
        UpdateExpression update = Binder.update(Parser.update(UPDATE), new ExpressionAttributes(Map.of("#status", "status"), updateValues));
        return Updater.apply(update, item);
    }
}
