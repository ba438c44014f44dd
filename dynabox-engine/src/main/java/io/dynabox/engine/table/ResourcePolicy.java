package io.dynabox.engine.table;

/**
 * A resource-based policy attached to a table or to one of its streams: the document as
 * given, and its revision id (the engine's clock in milliseconds when it was put, so later
 * revisions compare greater, as the service's do). Kept, validated as JSON and returned;
 * not enforced (Dynabox has no IAM).
 */
public record ResourcePolicy(String document, String revisionId) {
}
