package io.dynabox.engine.expression;

import io.dynabox.engine.value.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The part of an item that document paths name, in the shape the service returns: maps keep
 * only the projected keys, lists keep only the projected elements, in index order and
 * without gaps ({@code a[2], a[0]} of {@code [x, y, z]} gives {@code [x, z]}). Paths that
 * name nothing are left out.
 */
public final class Projector {
    private Projector() {}

    private static final class Node {
        AttributeValue whole;
        Map<String, Node> keys;
        TreeMap<Integer, Node> elements;

        AttributeValue build() {
            if (whole != null) return whole;
            if (keys != null) {
                Map<String, AttributeValue> m = new LinkedHashMap<>();
                keys.forEach((k, n) -> m.put(k, n.build()));
                return new AttributeValue.M(m);
            }
            List<AttributeValue> l = new ArrayList<>();
            elements.values().forEach(n -> l.add(n.build()));
            return new AttributeValue.L(l);
        }
    }

    public static Map<String, AttributeValue> project(Map<String, AttributeValue> item, List<DocumentPath> paths) {
        Map<String, Node> top = new LinkedHashMap<>();
        for (DocumentPath path : paths) {
            if (Evaluator.resolve(path, item) == null) continue;
            Node node = top.computeIfAbsent(path.attribute(), k -> new Node());
            AttributeValue current = item.get(path.attribute());
            for (int i = 1; i < path.size(); i++) {
                DocumentPath.Element e = path.get(i);
                if (e instanceof DocumentPath.Index index) {
                    if (node.elements == null) node.elements = new TreeMap<>();
                    node = node.elements.computeIfAbsent(index.index(), k -> new Node());
                    current = ((AttributeValue.L) current).values().get(index.index());
                } else {
                    String key = ((DocumentPath.Name) e).name();
                    if (node.keys == null) node.keys = new LinkedHashMap<>();
                    node = node.keys.computeIfAbsent(key, k -> new Node());
                    current = ((AttributeValue.M) current).values().get(key);
                }
            }
            node.whole = current;
        }
        Map<String, AttributeValue> result = new LinkedHashMap<>();
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            Node node = top.get(attribute.getKey());
            if (node != null) result.put(attribute.getKey(), node.build());
        }
        return result;
    }
}
