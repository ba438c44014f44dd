package io.dynabox.engine;

/**
 * One DynamoDB call as every door hands it to the engine: the {@code X-Amz-Target},
 * {@code Authorization} and date ({@code X-Amz-Date}, else {@code Date}) headers, any of
 * which may be null, and the JSON body.
 */
public record DynamoRequest(String target, String authorization, String date, byte[] body) {
}
