package io.dynabox.tests;

import static io.dynabox.tests.TableFixtures.hash;
import static io.dynabox.tests.TableFixtures.range;
import static io.dynabox.tests.TableFixtures.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;

/** DynamoDB Streams through both doors: the four actions, every view and iterator type, every write path, shards over time. */
@ParameterizedClass
@EnumSource(Door.class)
class StreamsTest {
    @Parameter
    Door door;

    StreamsBox box;

    @BeforeEach
    void open() {
        box = new StreamsBox(door, b -> b.streamShardRollover(Duration.ofHours(1)));
    }

    @AfterEach
    void close() {
        box.close();
    }

    // ---- helpers ----

    private String createTable(String name, StreamViewType viewType) {
        return box.client.createTable(b -> {
            b.tableName(name).attributeDefinitions(s("pk"), s("sk")).keySchema(hash("pk"), range("sk")).billingMode(BillingMode.PAY_PER_REQUEST);
            if (viewType != null) b.streamSpecification(sp -> sp.streamEnabled(true).streamViewType(viewType));
        }).tableDescription().latestStreamArn();
    }

    private static Map<String, AttributeValue> item(String pk, String sk, String... more) {
        Map<String, AttributeValue> item = new java.util.LinkedHashMap<>();
        item.put("pk", AttributeValue.fromS(pk));
        item.put("sk", AttributeValue.fromS(sk));
        for (int i = 0; i < more.length; i += 2) item.put(more[i], AttributeValue.fromS(more[i + 1]));
        return item;
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return item(pk, sk);
    }

    private void put(String table, Map<String, AttributeValue> item) {
        box.client.putItem(b -> b.tableName(table).item(item));
    }

    private List<Shard> shards(String arn) {
        return box.streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards();
    }

    private String iterator(String arn, String shardId, ShardIteratorType type, String sequence) {
        return box.streams.getShardIterator(b -> b.streamArn(arn).shardId(shardId).shardIteratorType(type).sequenceNumber(sequence)).shardIterator();
    }

    private String trimHorizon(String arn) {
        return iterator(arn, shards(arn).get(0).shardId(), ShardIteratorType.TRIM_HORIZON, null);
    }

    private static String describe(Record r) {
        var d = r.dynamodb();
        return r.eventName() + " keys=" + new java.util.TreeMap<>(d.keys()) + " new=" + new java.util.TreeMap<>(d.newImage())
                + " old=" + new java.util.TreeMap<>(d.oldImage());
    }

    private static void assertStreamsError(ThrowingCallable call, String code, String message) {
        AwsServiceException e = catchThrowableOfType(AwsServiceException.class, call);
        assertThat(e).as("expected %s", code).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).as(e.getMessage()).isEqualTo(code);
        assertThat(e.awsErrorDetails().errorMessage()).startsWith(message);
    }

    // ---- the stream of a table and its records ----

    @Test
    void aTableCreatedWithAStreamListsAndDescribesIt() {
        String arn = createTable("orders", StreamViewType.NEW_AND_OLD_IMAGES);
        createTable("plain", null);
        String label = box.client.describeTable(b -> b.tableName("orders")).table().latestStreamLabel();
        assertThat(arn).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/orders/stream/" + label);

        var listed = box.streams.listStreams(b -> { }).streams();
        assertThat(listed).singleElement().satisfies(s -> {
            assertThat(s.streamArn()).isEqualTo(arn);
            assertThat(s.tableName()).isEqualTo("orders");
            assertThat(s.streamLabel()).isEqualTo(label);
        });
        var description = box.streams.describeStream(b -> b.streamArn(arn)).streamDescription();
        assertThat(description.streamStatus()).isEqualTo(StreamStatus.ENABLED);
        assertThat(description.streamViewTypeAsString()).isEqualTo("NEW_AND_OLD_IMAGES");
        assertThat(description.tableName()).isEqualTo("orders");
        assertThat(description.creationRequestDateTime()).isEqualTo(Instant.ofEpochMilli(StreamsBox.START));
        assertThat(description.keySchema()).extracting(k -> k.attributeName() + " " + k.keyTypeAsString()).containsExactly("pk HASH", "sk RANGE");
        assertThat(description.shards()).singleElement().satisfies(shard -> {
            assertThat(shard.shardId()).matches("shardId-\\d{20}-[0-9a-f]{8}");
            assertThat(shard.parentShardId()).isNull();
            assertThat(shard.sequenceNumberRange().startingSequenceNumber()).hasSize(21);
            assertThat(shard.sequenceNumberRange().endingSequenceNumber()).isNull();
        });
        assertThat(description.lastEvaluatedShardId()).isNull();
    }

    @Test
    void putUpdateAndDeleteAreRecordedAsTheServiceWritesThem() {
        String arn = createTable("orders", StreamViewType.NEW_AND_OLD_IMAGES);
        String iterator = trimHorizon(arn);
        put("orders", item("a", "1", "v", "hello"));
        box.advance(Duration.ofMillis(1500));
        box.client.updateItem(b -> b.tableName("orders").key(key("a", "1")).updateExpression("SET v = :v")
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromS("hello2"))));
        box.client.deleteItem(b -> b.tableName("orders").key(key("a", "1")));

        GetRecordsResponse page = box.streams.getRecords(b -> b.shardIterator(iterator));
        List<Record> records = page.records();
        assertThat(records).extracting(Record::eventName).containsExactly(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE);
        Record insert = records.get(0);
        assertThat(insert.eventID()).matches("[0-9a-f]{32}");
        assertThat(insert.eventVersion()).isEqualTo("1.1");
        assertThat(insert.eventSource()).isEqualTo("aws:dynamodb");
        assertThat(insert.awsRegion()).isEqualTo("us-east-1");
        assertThat(insert.userIdentity()).isNull();
        assertThat(insert.dynamodb().keys()).isEqualTo(key("a", "1"));
        assertThat(insert.dynamodb().newImage()).isEqualTo(item("a", "1", "v", "hello"));
        assertThat(insert.dynamodb().oldImage()).isEmpty();
        assertThat(insert.dynamodb().approximateCreationDateTime()).isEqualTo(Instant.ofEpochSecond(StreamsBox.START / 1000));
        // keys (pk a, sk 1: 6 bytes) and the new image (plus v hello: 12 bytes)
        assertThat(insert.dynamodb().sizeBytes()).isEqualTo(18L);
        assertThat(insert.dynamodb().streamViewTypeAsString()).isEqualTo("NEW_AND_OLD_IMAGES");

        Record modify = records.get(1);
        assertThat(modify.dynamodb().oldImage()).isEqualTo(item("a", "1", "v", "hello"));
        assertThat(modify.dynamodb().newImage()).isEqualTo(item("a", "1", "v", "hello2"));
        assertThat(modify.dynamodb().sizeBytes()).isEqualTo(6L + 13 + 12);
        assertThat(modify.dynamodb().approximateCreationDateTime()).isEqualTo(Instant.ofEpochSecond(StreamsBox.START / 1000 + 1));
        Record remove = records.get(2);
        assertThat(remove.dynamodb().newImage()).isEmpty();
        assertThat(remove.dynamodb().oldImage()).isEqualTo(item("a", "1", "v", "hello2"));

        List<String> sequences = records.stream().map(r -> r.dynamodb().sequenceNumber()).toList();
        assertThat(sequences).allSatisfy(seq -> assertThat(seq).hasSize(21).containsOnlyDigits());
        assertThat(sequences).isSorted().doesNotHaveDuplicates();
        assertThat(page.nextShardIterator()).isNotNull();
        assertThat(box.streams.getRecords(b -> b.shardIterator(page.nextShardIterator())).records()).isEmpty();
    }

    @Test
    void writesThatChangeNothingAreNotRecorded() {
        String arn = createTable("orders", StreamViewType.NEW_AND_OLD_IMAGES);
        put("orders", item("a", "1", "v", "x"));
        put("orders", item("a", "1", "v", "x"));
        box.client.updateItem(b -> b.tableName("orders").key(key("a", "1")).updateExpression("SET v = :v")
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromS("x"))));
        box.client.deleteItem(b -> b.tableName("orders").key(key("missing", "1")));
        box.client.batchWriteItem(b -> b.requestItems(Map.of("orders", List.of(
                WriteRequest.builder().deleteRequest(d -> d.key(key("gone", "1"))).build()))));
        assertThat(box.streams.getRecords(b -> b.shardIterator(trimHorizon(arn))).records()).extracting(Record::eventName)
                .containsExactly(OperationType.INSERT);
    }

    @Test
    void eachViewTypeShowsItsImages() {
        Map<StreamViewType, String> arns = new java.util.LinkedHashMap<>();
        for (StreamViewType type : List.of(StreamViewType.KEYS_ONLY, StreamViewType.NEW_IMAGE, StreamViewType.OLD_IMAGE, StreamViewType.NEW_AND_OLD_IMAGES)) {
            String table = "t-" + type.toString().toLowerCase().replace('_', '-');
            arns.put(type, createTable(table, type));
            put(table, item("a", "1", "v", "one"));
            put(table, item("a", "1", "v", "two"));
        }
        Map<StreamViewType, String> seen = new java.util.LinkedHashMap<>();
        arns.forEach((type, arn) -> {
            List<Record> records = box.streams.getRecords(b -> b.shardIterator(trimHorizon(arn))).records();
            assertThat(records).allSatisfy(r -> assertThat(r.dynamodb().streamViewTypeAsString()).isEqualTo(type.toString()));
            seen.put(type, describe(records.get(0)) + " | " + describe(records.get(1)) + " | " + records.get(1).dynamodb().sizeBytes());
        });
        String k = "keys={pk=AttributeValue(S=a), sk=AttributeValue(S=1)}";
        String one = "{pk=AttributeValue(S=a), sk=AttributeValue(S=1), v=AttributeValue(S=one)}";
        String two = "{pk=AttributeValue(S=a), sk=AttributeValue(S=1), v=AttributeValue(S=two)}";
        assertThat(seen).containsExactly(
                Map.entry(StreamViewType.KEYS_ONLY, "INSERT " + k + " new={} old={} | MODIFY " + k + " new={} old={} | 6"),
                Map.entry(StreamViewType.NEW_IMAGE, "INSERT " + k + " new=" + one + " old={} | MODIFY " + k + " new=" + two + " old={} | 16"),
                Map.entry(StreamViewType.OLD_IMAGE, "INSERT " + k + " new={} old={} | MODIFY " + k + " new={} old=" + one + " | 16"),
                Map.entry(StreamViewType.NEW_AND_OLD_IMAGES, "INSERT " + k + " new=" + one + " old={} | MODIFY " + k + " new=" + two
                        + " old=" + one + " | 26"));
    }

    @Test
    void batchesAndTransactionsAreRecordedInOrderAndTogether() {
        String arn = createTable("orders", StreamViewType.KEYS_ONLY);
        box.client.batchWriteItem(b -> b.requestItems(Map.of("orders", List.of(
                WriteRequest.builder().putRequest(p -> p.item(item("b", "1"))).build(),
                WriteRequest.builder().putRequest(p -> p.item(item("b", "2"))).build()))));
        box.client.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(Put.builder().tableName("orders").item(item("t", "1")).build()).build(),
                TransactWriteItem.builder().delete(d -> d.tableName("orders").key(key("b", "1"))).build(),
                TransactWriteItem.builder().update(u -> u.tableName("orders").key(key("b", "2")).updateExpression("SET x = :x")
                        .expressionAttributeValues(Map.of(":x", AttributeValue.fromS("y")))).build()));
        List<Record> records = box.streams.getRecords(b -> b.shardIterator(trimHorizon(arn))).records();
        assertThat(records).extracting(r -> r.eventName() + " " + r.dynamodb().keys().get("pk").s() + r.dynamodb().keys().get("sk").s())
                .containsExactlyInAnyOrder("INSERT b1", "INSERT b2", "INSERT t1", "REMOVE b1", "MODIFY b2");
        // the batch's two records come before the transaction's three
        assertThat(records.subList(0, 2)).allSatisfy(r -> assertThat(r.eventName()).isEqualTo(OperationType.INSERT));
        assertThat(records.subList(0, 2)).extracting(r -> r.dynamodb().keys().get("pk").s()).containsOnly("b");
        assertThat(records).extracting(r -> r.dynamodb().sequenceNumber()).isSorted();
    }

    @Test
    void theFourIteratorTypesStartWhereTheyShould() {
        String arn = createTable("orders", StreamViewType.KEYS_ONLY);
        String shard = shards(arn).get(0).shardId();
        String latestBefore = iterator(arn, shard, ShardIteratorType.LATEST, null);
        for (int i = 1; i <= 3; i++) put("orders", item("a", "" + i));
        List<Record> all = box.streams.getRecords(b -> b.shardIterator(trimHorizon(arn))).records();
        assertThat(all).hasSize(3);
        String second = all.get(1).dynamodb().sequenceNumber();

        assertThat(box.streams.getRecords(b -> b.shardIterator(latestBefore)).records()).hasSize(3);
        String latestNow = iterator(arn, shard, ShardIteratorType.LATEST, null);
        assertThat(box.streams.getRecords(b -> b.shardIterator(latestNow)).records()).isEmpty();
        assertThat(box.streams.getRecords(b -> b.shardIterator(iterator(arn, shard, ShardIteratorType.AT_SEQUENCE_NUMBER, second))).records())
                .extracting(r -> r.dynamodb().keys().get("sk").s()).containsExactly("2", "3");
        assertThat(box.streams.getRecords(b -> b.shardIterator(iterator(arn, shard, ShardIteratorType.AFTER_SEQUENCE_NUMBER, second))).records())
                .extracting(r -> r.dynamodb().keys().get("sk").s()).containsExactly("3");
    }

    @Test
    void limitPagesThroughTheShard() {
        String arn = createTable("orders", StreamViewType.KEYS_ONLY);
        for (int i = 0; i < 5; i++) put("orders", item("a", "" + i));
        String iterator = trimHorizon(arn);
        List<String> read = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            String from = iterator;
            GetRecordsResponse answer = box.streams.getRecords(b -> b.shardIterator(from).limit(2));
            answer.records().forEach(r -> read.add(r.dynamodb().keys().get("sk").s()));
            iterator = answer.nextShardIterator();
        }
        assertThat(read).containsExactly("0", "1", "2", "3", "4");
        assertThat(iterator).isNotNull();
    }

    // ---- shards and streams over time ----

    @Test
    void shardsRollOverIntoChildShards() {
        String arn = createTable("orders", StreamViewType.KEYS_ONLY);
        put("orders", item("a", "1"));
        box.advance(Duration.ofMinutes(61));
        put("orders", item("a", "2"));
        List<Shard> shards = shards(arn);
        assertThat(shards).hasSize(2);
        Shard parent = shards.get(0);
        Shard child = shards.get(1);
        assertThat(child.parentShardId()).isEqualTo(parent.shardId());
        assertThat(parent.sequenceNumberRange().endingSequenceNumber()).isNotNull();
        assertThat(child.sequenceNumberRange().endingSequenceNumber()).isNull();
        assertThat(child.sequenceNumberRange().startingSequenceNumber()).isGreaterThan(parent.sequenceNumberRange().endingSequenceNumber());

        GetRecordsResponse fromParent = box.streams.getRecords(b -> b.shardIterator(iterator(arn, parent.shardId(), ShardIteratorType.TRIM_HORIZON, null)));
        assertThat(fromParent.records()).extracting(r -> r.dynamodb().keys().get("sk").s()).containsExactly("1");
        assertThat(fromParent.nextShardIterator()).as("a drained closed shard has no next iterator").isNull();
        assertThat(box.streams.getRecords(b -> b.shardIterator(iterator(arn, child.shardId(), ShardIteratorType.TRIM_HORIZON, null))).records())
                .extracting(r -> r.dynamodb().keys().get("sk").s()).containsExactly("2");

        var children = box.streams.describeStream(b -> b.streamArn(arn).shardFilter(f -> f.type("CHILD_SHARDS").shardId(parent.shardId())));
        assertThat(children.streamDescription().shards()).extracting(Shard::shardId).containsExactly(child.shardId());
        var firstPage = box.streams.describeStream(b -> b.streamArn(arn).limit(1));
        assertThat(firstPage.streamDescription().shards()).extracting(Shard::shardId).containsExactly(parent.shardId());
        assertThat(firstPage.streamDescription().lastEvaluatedShardId()).isEqualTo(parent.shardId());
        assertThat(box.streams.describeStream(b -> b.streamArn(arn).exclusiveStartShardId(parent.shardId())).streamDescription().shards())
                .extracting(Shard::shardId).containsExactly(child.shardId());
    }

    @Test
    void disablingAndEnablingAgainGivesANewStreamAndTheOldOneStaysReadableForADay() {
        String first = createTable("orders", StreamViewType.KEYS_ONLY);
        put("orders", item("a", "1"));
        box.advance(Duration.ofSeconds(1));
        box.client.updateTable(b -> b.tableName("orders").streamSpecification(s -> s.streamEnabled(false)));
        put("orders", item("a", "2"));
        box.advance(Duration.ofSeconds(1));
        String second = box.client.updateTable(b -> b.tableName("orders").streamSpecification(s -> s.streamEnabled(true)
                .streamViewType(StreamViewType.NEW_IMAGE))).tableDescription().latestStreamArn();
        put("orders", item("a", "3"));

        assertThat(second).isNotEqualTo(first);
        assertThat(box.streams.listStreams(b -> b.tableName("orders")).streams()).extracting(s -> s.streamArn()).containsExactly(first, second);
        var old = box.streams.describeStream(b -> b.streamArn(first)).streamDescription();
        assertThat(old.streamStatus()).isEqualTo(StreamStatus.DISABLED);
        assertThat(old.shards()).singleElement().satisfies(s -> assertThat(s.sequenceNumberRange().endingSequenceNumber()).isNotNull());
        GetRecordsResponse oldRecords = box.streams.getRecords(b -> b.shardIterator(trimHorizon(first)));
        assertThat(oldRecords.records()).extracting(r -> r.dynamodb().keys().get("sk").s()).containsExactly("1");
        assertThat(oldRecords.nextShardIterator()).isNull();
        assertThat(box.streams.getRecords(b -> b.shardIterator(trimHorizon(second))).records())
                .extracting(r -> r.dynamodb().keys().get("sk").s()).containsExactly("3");

        box.advance(Duration.ofHours(24));
        assertThat(box.streams.listStreams(b -> b.tableName("orders")).streams()).extracting(s -> s.streamArn()).containsExactly(second);
        assertStreamsError(() -> box.streams.describeStream(b -> b.streamArn(first)), "ResourceNotFoundException",
                "Requested resource not found: Stream: " + first + " not found");
    }

    @Test
    void deletingTheTableDisablesItsStream() {
        String arn = createTable("orders", StreamViewType.KEYS_ONLY);
        put("orders", item("a", "1"));
        box.client.deleteTable(b -> b.tableName("orders"));
        assertThat(box.streams.describeStream(b -> b.streamArn(arn)).streamDescription().streamStatus()).isEqualTo(StreamStatus.DISABLED);
        assertThat(box.streams.getRecords(b -> b.shardIterator(trimHorizon(arn))).records()).hasSize(1);
    }

    @Test
    void aDeletedTablesStreamIsGoneADayLaterWithoutARequestNamingIt() {
        String arn = createTable("orders", StreamViewType.NEW_AND_OLD_IMAGES);
        for (int i = 0; i < 3; i++) put("orders", item("a", "" + i, "v", "value " + i));
        box.client.deleteTable(b -> b.tableName("orders"));
        String namespace = box.engine.namespaceId("streams", "us-east-1");

        box.advance(Duration.ofHours(23));
        box.engine.sweepExpiredItems();
        assertThat(box.streams.describeStream(b -> b.streamArn(arn)).streamDescription().streamStatus()).isEqualTo(StreamStatus.DISABLED);
        assertThat(box.streams.getRecords(b -> b.shardIterator(trimHorizon(arn))).records()).hasSize(3);
        if (box.dbPath != null) {
            box.engine.store().awaitDurable();
            assertThat(box.engine.store().loadDocuments(namespace, "stream")).containsKey(arn);
            assertThat(box.engine.store().readLog(namespace, "stream:" + arn)).hasSize(3);
        }

        // a day after the deletion, one sweep and no ListStreams, DescribeStream or GetRecords
        box.advance(Duration.ofHours(1));
        box.engine.sweepExpiredItems();
        assertThat(box.engine.namespace(namespace).streams().holds(arn)).isFalse();
        if (box.dbPath != null) {
            assertThat(box.engine.store().loadDocuments(namespace, "stream")).doesNotContainKey(arn);
            assertThat(box.engine.store().readLog(namespace, "stream:" + arn)).isEmpty();
            box.restart();
            assertThat(box.engine.namespace(namespace).streams().holds(arn)).isFalse();
        }
        assertThat(box.streams.listStreams(b -> { }).streams()).isEmpty();
        assertStreamsError(() -> box.streams.describeStream(b -> b.streamArn(arn)), "ResourceNotFoundException",
                "Requested resource not found: Stream: " + arn + " not found");
    }

    @Test
    void aStreamTurnedOffIsGoneADayLaterAndTheTablesNewStreamStays() {
        String first = createTable("orders", StreamViewType.KEYS_ONLY);
        put("orders", item("a", "1"));
        box.client.updateTable(b -> b.tableName("orders").streamSpecification(s -> s.streamEnabled(false)));
        box.advance(Duration.ofSeconds(1));
        String second = box.client.updateTable(b -> b.tableName("orders").streamSpecification(s -> s.streamEnabled(true)
                .streamViewType(StreamViewType.KEYS_ONLY))).tableDescription().latestStreamArn();
        put("orders", item("a", "2"));

        box.advance(Duration.ofHours(24));
        box.engine.sweepExpiredItems();
        var streams = box.engine.namespace(box.engine.namespaceId("streams", "us-east-1")).streams();
        assertThat(streams.holds(first)).isFalse();
        assertThat(streams.holds(second)).isTrue();
        assertThat(box.streams.listStreams(b -> b.tableName("orders")).streams()).extracting(s -> s.streamArn()).containsExactly(second);
    }

    @Test
    void recordsOlderThanADayAreTrimmed() {
        String arn = createTable("orders", StreamViewType.KEYS_ONLY);
        put("orders", item("a", "old"));
        String oldSequence = box.streams.getRecords(b -> b.shardIterator(trimHorizon(arn))).records().get(0).dynamodb().sequenceNumber();
        box.advance(Duration.ofHours(24).minusMinutes(1));
        put("orders", item("a", "new"));
        String stale = trimHorizon(arn);
        box.advance(Duration.ofMinutes(2));

        assertStreamsError(() -> box.streams.getRecords(b -> b.shardIterator(stale)), "TrimmedDataAccessException",
                "The operation attempted to read past the oldest stream record in a shard.");
        String shard = shards(arn).get(0).shardId();
        assertStreamsError(() -> iterator(arn, shard, ShardIteratorType.AT_SEQUENCE_NUMBER, oldSequence), "TrimmedDataAccessException",
                "The operation attempted to read past the oldest stream record in a shard.");
        List<Record> left = new ArrayList<>();
        for (Shard s : shards(arn)) {
            left.addAll(box.streams.getRecords(b -> b.shardIterator(iterator(arn, s.shardId(), ShardIteratorType.TRIM_HORIZON, null))).records());
        }
        assertThat(left).extracting(r -> r.dynamodb().keys().get("sk").s()).containsExactly("new");
    }

    @Test
    void anIteratorExpiresAfterFifteenMinutes() {
        String arn = createTable("orders", StreamViewType.KEYS_ONLY);
        String iterator = trimHorizon(arn);
        box.advance(Duration.ofMinutes(15));
        assertThat(box.streams.getRecords(b -> b.shardIterator(iterator)).records()).isEmpty();
        box.advance(Duration.ofMillis(1));
        assertStreamsError(() -> box.streams.getRecords(b -> b.shardIterator(iterator)), "ExpiredIteratorException",
                "The provided iterator exceeds the maximum age allowed.");
    }

    @Test
    void listStreamsFiltersAndPages() {
        String a = createTable("aaa", StreamViewType.KEYS_ONLY);
        String b1 = createTable("bbb", StreamViewType.KEYS_ONLY);
        String c = createTable("ccc", StreamViewType.KEYS_ONLY);
        var first = box.streams.listStreams(b -> b.limit(2));
        assertThat(first.streams()).extracting(s -> s.streamArn()).containsExactly(a, b1);
        assertThat(first.lastEvaluatedStreamArn()).isEqualTo(b1);
        var rest = box.streams.listStreams(b -> b.limit(2).exclusiveStartStreamArn(b1));
        assertThat(rest.streams()).extracting(s -> s.streamArn()).containsExactly(c);
        assertThat(rest.lastEvaluatedStreamArn()).isNull();
        assertThat(box.streams.listStreams(b -> b.tableName("bbb")).streams()).extracting(s -> s.streamArn()).containsExactly(b1);
        assertThat(box.streams.listStreams(b -> b.tableName("none")).streams()).isEmpty();
    }

    // ---- with --db-path ----

    @Test
    void streamsAndTheirRecordsSurviveARestart() {
        org.junit.jupiter.api.Assumptions.assumeTrue(door == Door.HTTP_SQLITE, "restarts need the file store");
        String old = createTable("orders", StreamViewType.NEW_AND_OLD_IMAGES);
        put("orders", item("a", "1", "v", "one"));
        box.advance(Duration.ofSeconds(1));
        box.client.updateTable(b -> b.tableName("orders").streamSpecification(sp -> sp.streamEnabled(false)));
        box.advance(Duration.ofSeconds(1));
        String arn = box.client.updateTable(b -> b.tableName("orders").streamSpecification(sp -> sp.streamEnabled(true)
                .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES))).tableDescription().latestStreamArn();
        put("orders", item("a", "1", "v", "two"));
        box.advance(Duration.ofMinutes(61));
        put("orders", item("a", "2"));
        String iterator = trimHorizon(arn);
        List<Record> before = box.streams.getRecords(b -> b.shardIterator(iterator)).records();
        List<Shard> shardsBefore = shards(arn);

        box.restart();
        assertThat(box.streams.listStreams(b -> b.tableName("orders")).streams()).extracting(s -> s.streamArn()).containsExactly(old, arn);
        assertThat(box.streams.describeStream(b -> b.streamArn(old)).streamDescription().streamStatus()).isEqualTo(StreamStatus.DISABLED);
        assertThat(shards(arn)).isEqualTo(shardsBefore);
        // an iterator handed out before the restart still reads, and finds the same records
        assertThat(box.streams.getRecords(b -> b.shardIterator(iterator)).records()).isEqualTo(before);
        assertThat(box.streams.getRecords(b -> b.shardIterator(trimHorizon(old))).records()).extracting(r -> r.dynamodb().newImage().get("v").s())
                .containsExactly("one");
        put("orders", item("a", "3"));
        String child = shards(arn).get(1).shardId();
        List<Record> latest = box.streams.getRecords(b -> b.shardIterator(iterator(arn, child, ShardIteratorType.TRIM_HORIZON, null))).records();
        assertThat(latest).extracting(r -> r.dynamodb().keys().get("sk").s()).containsExactly("2", "3");
        assertThat(latest.get(1).dynamodb().sequenceNumber()).isGreaterThan(latest.get(0).dynamodb().sequenceNumber());
    }

    // ---- bad input ----

    @Test
    void badRequestsGetTheServicesErrors() {
        String arn = createTable("orders", StreamViewType.KEYS_ONLY);
        put("orders", item("a", "1"));
        String shard = shards(arn).get(0).shardId();
        String missing = arn.substring(0, arn.length() - 1) + "9";
        assertStreamsError(() -> box.streams.describeStream(b -> b.streamArn(missing)), "ResourceNotFoundException",
                "Requested resource not found: Stream: " + missing + " not found");
        assertStreamsError(() -> box.streams.describeStream(b -> b.streamArn(arn).limit(101)), "ValidationException",
                "One or more parameter values were invalid: Limit cannot be greater than the maximum: 100");
        assertStreamsError(() -> box.streams.describeStream(b -> b.streamArn(arn).limit(0)), "ValidationException",
                "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
        assertStreamsError(() -> box.streams.describeStream(b -> b.streamArn("short")), "ValidationException",
                "1 validation error detected: Value 'short' at 'streamArn' failed to satisfy constraint: Member must have length greater than or equal to 37");
        assertStreamsError(() -> box.streams.listStreams(b -> b.limit(101)), "ValidationException",
                "One or more parameter values were invalid: Limit cannot be greater than the maximum allowed size: 100");
        assertStreamsError(() -> iterator(arn, "shardId-00000001800000000000-00000000", ShardIteratorType.LATEST, null),
                "ResourceNotFoundException", "Shard does not exist");
        assertStreamsError(() -> iterator(missing, shard, ShardIteratorType.LATEST, null), "ResourceNotFoundException", "Stream does not exist");
        assertStreamsError(() -> iterator(arn, shard, ShardIteratorType.AT_SEQUENCE_NUMBER, null), "ValidationException",
                "One or more parameter values were invalid: Invalid SequenceNumber");
        assertStreamsError(() -> iterator(arn, shard, ShardIteratorType.AFTER_SEQUENCE_NUMBER, "abc000000000000000001"), "ValidationException",
                "One or more parameter values were invalid: Invalid SequenceNumber");
        assertStreamsError(() -> iterator(arn, shard, ShardIteratorType.LATEST, "000000000000000000001"), "ValidationException",
                "One or more parameter values were invalid: SequenceNumber should not be passed for this iterator type");
        assertStreamsError(() -> box.streams.getShardIterator(b -> b.streamArn(arn).shardId(shard).shardIteratorType("BOGUS")), "ValidationException",
                "1 validation error detected: Value 'BOGUS' at 'shardIteratorType' failed to satisfy constraint: Member must satisfy enum value set");
        assertStreamsError(() -> box.streams.getRecords(b -> b.shardIterator("garbage")), "ValidationException", "Invalid ShardIterator");
        String good = trimHorizon(arn);
        assertStreamsError(() -> box.streams.getRecords(b -> b.shardIterator(good).limit(1001)), "ValidationException",
                "One or more parameter values were invalid: Limit should be less than or equal to 1000");
        // nothing of the table changed, and the stream still reads
        assertThat(box.client.scan(b -> b.tableName("orders")).count()).isEqualTo(1);
        assertThat(box.streams.getRecords(b -> b.shardIterator(good)).records()).hasSize(1);
    }
}
