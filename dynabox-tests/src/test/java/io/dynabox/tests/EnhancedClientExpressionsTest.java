package io.dynabox.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbAtomicCounter;
import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The Enhanced Client writes its own expressions: optimistic locking (version conditions),
 * atomic counters and null-removing updates (SET and REMOVE with #AMZN_MAPPED_ placeholders),
 * and user conditions merged with them.
 */
@ParameterizedClass
@EnumSource(Door.class)
class EnhancedClientExpressionsTest extends DoorTest {
    DynamoDbTable<Doc> docs;

    @BeforeEach
    void open() {
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
        docs = enhanced.table("docs", TableSchema.fromBean(Doc.class));
        docs.createTable();
    }

    @Test
    void optimisticLockingRefusesAStaleVersion() {
        Doc doc = Doc.of("a", "first");
        docs.putItem(doc); // attribute_not_exists(#AMZN_MAPPED_version)
        Doc stored = docs.getItem(Key.builder().partitionValue("a").build());
        assertThat(stored.getVersion()).isEqualTo(1L);

        stored.setTitle("second");
        Doc updated = docs.updateItem(stored); // #AMZN_MAPPED_version = :old_version_value
        assertThat(updated.getVersion()).isEqualTo(2L);
        assertThat(updated.getViews()).isEqualTo(1L);

        stored.setTitle("stale");
        assertThatThrownBy(() -> docs.updateItem(stored)).isInstanceOf(ConditionalCheckFailedException.class);
        assertThatThrownBy(() -> docs.putItem(Doc.of("a", "again"))).isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(docs.getItem(Key.builder().partitionValue("a").build()).getTitle()).isEqualTo("second");
    }

    @Test
    void nullsAreRemovedAndCountersCount() {
        docs.putItem(Doc.of("b", "title"));
        Doc doc = docs.getItem(Key.builder().partitionValue("b").build());
        doc.setTitle(null);
        docs.updateItem(doc); // REMOVE #AMZN_MAPPED_title
        Map<String, AttributeValue> raw = client.getItem(r -> r.tableName("docs").key(Map.of("id", AttributeValue.fromS("b")))).item();
        assertThat(raw).doesNotContainKey("title");
        assertThat(raw.get("views")).isEqualTo(AttributeValue.fromN("1"));
        assertThat(raw.get("version")).isEqualTo(AttributeValue.fromN("2"));
    }

    @Test
    void userConditionsMergeWithTheGeneratedOnes() {
        docs.putItem(Doc.of("c", "draft"));
        Doc doc = docs.getItem(Key.builder().partitionValue("c").build());
        doc.setTitle("published");
        Expression onlyDrafts = Expression.builder().expression("#t = :draft")
                .putExpressionName("#t", "title").putExpressionValue(":draft", AttributeValue.fromS("draft")).build();
        docs.updateItem(UpdateItemEnhancedRequest.builder(Doc.class).item(doc).conditionExpression(onlyDrafts).build());
        assertThat(docs.getItem(Key.builder().partitionValue("c").build()).getTitle()).isEqualTo("published");

        Doc next = docs.getItem(Key.builder().partitionValue("c").build());
        next.setTitle("again");
        assertThatThrownBy(() -> docs.updateItem(UpdateItemEnhancedRequest.builder(Doc.class).item(next).conditionExpression(onlyDrafts).build()))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThatThrownBy(() -> docs.putItem(PutItemEnhancedRequest.builder(Doc.class).item(Doc.of("d", "x"))
                .conditionExpression(Expression.builder().expression("attribute_exists(id)").build()).build()))
                .isInstanceOf(ConditionalCheckFailedException.class);
    }

    @DynamoDbBean
    public static class Doc {
        private String id;
        private String title;
        private Long version;
        private Long views;

        static Doc of(String id, String title) {
            Doc doc = new Doc();
            doc.id = id;
            doc.title = title;
            return doc;
        }

        @DynamoDbPartitionKey
        public String getId() { return id; }
        public void setId(String id) { this.id = id; }
        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
        @DynamoDbVersionAttribute
        public Long getVersion() { return version; }
        public void setVersion(Long version) { this.version = version; }
        @DynamoDbAtomicCounter
        public Long getViews() { return views; }
        public void setViews(Long views) { this.views = views; }
    }
}
