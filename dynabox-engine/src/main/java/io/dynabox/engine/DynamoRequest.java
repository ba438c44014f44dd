package io.dynabox.engine;

import java.util.Map;

/**
 * One DynamoDB call as every door hands it to the engine: the {@code X-Amz-Target},
 * {@code Authorization} and date ({@code X-Amz-Date}, else {@code Date}) headers, any of
 * which may be null, the JSON body, and the query-string parameters (for query-string
 * signing; null or empty when there are none).
 */
public record DynamoRequest(String target, String authorization, String date, byte[] body, Map<String, String> query) {

    public DynamoRequest(String target, String authorization, String date, byte[] body) {
        this(target, authorization, date, body, null);
    }
}
