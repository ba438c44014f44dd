package io.dynabox.engine;

import java.util.Map;

/**
 * One DynamoDB call as every door hands it to the engine: the {@code X-Amz-Target},
 * {@code Authorization} and date ({@code X-Amz-Date}, else {@code Date}) headers, any of
 * which may be null, the body as received (compressed when the head says so), the
 * query-string parameters (for query-string signing; null or empty when there are none),
 * and the rest of the request's head, which signature checks and decompression read (null
 * when a caller has no HTTP request, as in benchmarks).
 */
public record DynamoRequest(String target, String authorization, String date, byte[] body, Map<String, String> query, RequestHead head) {

    public DynamoRequest(String target, String authorization, String date, byte[] body) {
        this(target, authorization, date, body, null, null);
    }

    public DynamoRequest(String target, String authorization, String date, byte[] body, Map<String, String> query) {
        this(target, authorization, date, body, query, null);
    }
}
