package io.dynabox.engine.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fault rules of one scope (the server, or one namespace), in the order they were added: the first rule
 * that matches a request and fires answers it. Rates draw from one random sequence seeded by the simulation's
 * seed, so the same requests in the same order meet the same faults.
 */
final class Faults {
    private final AtomicLong ids;
    private final List<Armed> rules = new ArrayList<>();
    private SplittableRandom random;

    /** A rule and how many more requests it may hit ({@code -1}: no limit). */
    private static final class Armed {
        final FaultRule rule;
        int remaining;

        Armed(FaultRule rule) {
            this.rule = rule;
            this.remaining = rule.times() == null ? -1 : rule.times();
        }
    }

    Faults(AtomicLong ids, long seed) {
        this.ids = ids;
        this.random = new SplittableRandom(seed);
    }

    synchronized void reseed(long seed) {
        random = new SplittableRandom(seed);
    }

    synchronized FaultRule add(FaultRule rule) {
        rule.checkComplete();
        FaultRule added = rule.withId("fault-" + ids.incrementAndGet());
        rules.add(new Armed(added));
        return added;
    }

    synchronized boolean remove(String id) {
        return rules.removeIf(armed -> armed.rule.id().equals(id));
    }

    synchronized void clear() {
        rules.clear();
    }

    synchronized boolean isEmpty() {
        return rules.isEmpty();
    }

    /** The rules in force, each with what is left of its {@code times}. */
    synchronized List<FaultRule> list() {
        List<FaultRule> listed = new ArrayList<>();
        for (Armed armed : rules) {
            FaultRule rule = armed.rule;
            listed.add(armed.remaining < 0 ? rule
                    : new FaultRule(rule.id(), rule.action(), rule.table(), rule.error(), armed.remaining, null, rule.latencyMillis()));
        }
        return listed;
    }

    /** The rule that hits this request, counted against its {@code times}; null when none does. */
    synchronized FaultRule fire(String action, Iterable<String> tables) {
        for (int i = 0; i < rules.size(); i++) {
            Armed armed = rules.get(i);
            if (!armed.rule.matches(action, tables)) continue;
            if (armed.rule.rate() != null && random.nextDouble() >= armed.rule.rate()) continue;
            if (armed.remaining > 0 && --armed.remaining == 0) rules.remove(i);
            return armed.rule;
        }
        return null;
    }
}
