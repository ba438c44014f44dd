package io.dynabox.engine;

import java.util.List;
import java.util.function.Function;

/**
 * What a door knows of a request beyond its body: the parts a SigV4 signature covers
 * (method, path, raw query string, every header by lower-case name) and the body's
 * {@code Content-Encoding}.
 *
 * @param headers   all values of a header, by its lower-case name; an empty list when absent
 * @param inProcess true for the in-process door, whose own clients mark their requests
 *                  {@code Signature=in-process} instead of signing them (nothing leaves the JVM)
 */
public record RequestHead(String method, String path, String rawQuery, Function<String, List<String>> headers, boolean inProcess) {

    /** The last value of a header (the one the service reads when a header is repeated), or null. */
    public String header(String lowerCaseName) {
        List<String> values = headers.apply(lowerCaseName);
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }
}
