package io.dynabox.engine.stream;

import io.dynabox.engine.feed.Change;

/**
 * One record of a stream: the change it reports, with what the stream adds, computed once
 * when the change is appended: the key attributes as DynamoDB JSON and the record's size.
 * The images stay the store's bytes; a read writes them into the answer as they are.
 *
 * @param sequence  the change's sequence number (the table feed's), shown as 21 digits
 * @param eventId   32 hexadecimal digits, as the service's event ids
 * @param keysJson  the key attributes as DynamoDB JSON
 * @param sizeBytes the size of the keys and of the images the view type shows, by DynamoDB's rules
 */
public record StreamRecord(long sequence, String eventId, Change change, byte[] keysJson, long sizeBytes) {

    public long timeMillis() {
        return change.timeMillis();
    }
}
