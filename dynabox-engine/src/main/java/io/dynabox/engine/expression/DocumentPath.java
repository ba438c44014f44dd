package io.dynabox.engine.expression;

import java.util.List;

/**
 * A document path such as {@code a.#b[2].c}: attribute names (literal or {@code #}
 * placeholders) and list indexes. Bound paths hold only literal names and indexes.
 */
public record DocumentPath(List<Element> elements) {
    public DocumentPath {
        elements = List.copyOf(elements);
    }

    public sealed interface Element {}

    /** An attribute or map key name, as written (or as a placeholder resolved it). */
    public record Name(String name) implements Element {}

    /** A {@code #placeholder} not yet resolved. */
    public record NameRef(String placeholder) implements Element {}

    /** A list index. */
    public record Index(int index) implements Element {}

    public static DocumentPath of(String... names) {
        return new DocumentPath(java.util.Arrays.stream(names).map(n -> (Element) new Name(n)).toList());
    }

    /** The top-level attribute name of a bound path. */
    public String attribute() {
        return ((Name) elements.get(0)).name();
    }

    public int size() {
        return elements.size();
    }

    public Element get(int i) {
        return elements.get(i);
    }

    /** The service's rendering in path errors: {@code [a, b, [1]]}. */
    public String bracketed() {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) s.append(", ");
            Element e = elements.get(i);
            if (e instanceof Index index) s.append('[').append(index.index()).append(']');
            else if (e instanceof Name name) s.append(name.name());
            else s.append(((NameRef) e).placeholder());
        }
        return s.append(']').toString();
    }

    /** The path as one would write it: {@code a.b[1]}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (Element e : elements) {
            if (e instanceof Index index) s.append('[').append(index.index()).append(']');
            else {
                if (s.length() > 0) s.append('.');
                s.append(e instanceof Name name ? name.name() : ((NameRef) e).placeholder());
            }
        }
        return s.toString();
    }
}
