package io.dynabox.engine.table;

import io.dynabox.engine.value.AttributeValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The key of a table or an index: a partition (HASH) attribute and an optional sort (RANGE)
 * attribute. A global index may have a multi-attribute key: up to four partition and four
 * sort attributes; the first of each are {@code partitionName}/{@code sortName}, the others
 * follow in {@code morePartition}/{@code moreSort} in the order the key schema lists them
 * (empty for every table, local index and single-attribute index, so their paths stay as
 * they were, and metadata stored before multi-attribute keys reads back unchanged).
 */
public record KeySchema(String partitionName, AttributeValue.Type partitionType,
                        String sortName, AttributeValue.Type sortType,
                        List<Element> morePartition, List<Element> moreSort) {

    /** The most partition or sort attributes a (global index) key may have. */
    public static final int MAX_ATTRIBUTES_PER_ROLE = 4;

    /** One key attribute: its name and its type. */
    public record Element(String name, AttributeValue.Type type) {
    }

    public KeySchema {
        morePartition = morePartition == null ? List.of() : List.copyOf(morePartition);
        moreSort = moreSort == null ? List.of() : List.copyOf(moreSort);
    }

    public KeySchema(String partitionName, AttributeValue.Type partitionType, String sortName, AttributeValue.Type sortType) {
        this(partitionName, partitionType, sortName, sortType, List.of(), List.of());
    }

    /** A key of the given partition and sort attributes, in order (one or more partition, zero or more sort). */
    public static KeySchema of(List<Element> partition, List<Element> sort) {
        Element first = partition.get(0);
        Element firstSort = sort.isEmpty() ? null : sort.get(0);
        return new KeySchema(first.name(), first.type(), firstSort == null ? null : firstSort.name(),
                firstSort == null ? null : firstSort.type(), partition.subList(1, partition.size()),
                sort.isEmpty() ? List.of() : sort.subList(1, sort.size()));
    }

    public boolean hasSort() {
        return sortName != null;
    }

    /** Whether the key has more than one partition or more than one sort attribute (global indexes only). */
    public boolean multiAttribute() {
        return !morePartition.isEmpty() || !moreSort.isEmpty();
    }

    /** The partition attributes, in order. */
    public List<Element> partitionElements() {
        if (morePartition.isEmpty()) return List.of(new Element(partitionName, partitionType));
        List<Element> all = new ArrayList<>(1 + morePartition.size());
        all.add(new Element(partitionName, partitionType));
        all.addAll(morePartition);
        return all;
    }

    /** The sort attributes, in order (empty without a sort key). */
    public List<Element> sortElements() {
        if (!hasSort()) return List.of();
        if (moreSort.isEmpty()) return List.of(new Element(sortName, sortType));
        List<Element> all = new ArrayList<>(1 + moreSort.size());
        all.add(new Element(sortName, sortType));
        all.addAll(moreSort);
        return all;
    }

    /** Every key attribute: the partition attributes, then the sort attributes. */
    public List<Element> elements() {
        List<Element> all = new ArrayList<>(partitionElements());
        all.addAll(sortElements());
        return all;
    }

    public boolean isKeyAttribute(String name) {
        if (name.equals(partitionName) || name.equals(sortName)) return true;
        for (Element e : morePartition) if (e.name().equals(name)) return true;
        for (Element e : moreSort) if (e.name().equals(name)) return true;
        return false;
    }

    /** The type of a key attribute, or null when {@code name} is not one. */
    public AttributeValue.Type typeOf(String name) {
        if (name.equals(partitionName)) return partitionType;
        if (name.equals(sortName)) return sortType;
        for (Element e : morePartition) if (e.name().equals(name)) return e.type();
        for (Element e : moreSort) if (e.name().equals(name)) return e.type();
        return null;
    }

    /** "k (HASH, S), r (RANGE, N)" for explanations. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        for (Element e : partitionElements()) {
            if (text.length() > 0) text.append(", ");
            text.append(e.name()).append(" (HASH, ").append(e.type()).append(')');
        }
        for (Element e : sortElements()) text.append(", ").append(e.name()).append(" (RANGE, ").append(e.type()).append(')');
        return text.toString();
    }
}
