package io.dynabox.engine.table;

import io.dynabox.engine.value.AttributeValue;

/** The key of a table or an index: a partition (HASH) attribute and an optional sort (RANGE) attribute. */
public record KeySchema(String partitionName, AttributeValue.Type partitionType,
                        String sortName, AttributeValue.Type sortType) {

    public boolean hasSort() {
        return sortName != null;
    }

    public boolean isKeyAttribute(String name) {
        return name.equals(partitionName) || name.equals(sortName);
    }

    /** "k (S), r (N)" for explanations. */
    public String describe() {
        String text = partitionName + " (HASH, " + partitionType + ")";
        return hasSort() ? text + ", " + sortName + " (RANGE, " + sortType + ")" : text;
    }
}
