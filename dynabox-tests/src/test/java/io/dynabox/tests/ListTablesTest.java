package io.dynabox.tests;

import static io.dynabox.tests.TableFixtures.assertValidation;
import static io.dynabox.tests.TableFixtures.simpleTable;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;

/** ListTables: byte order, the exclusive cursor, pages, and LastEvaluatedTableName only when more follow. */
@ParameterizedClass
@EnumSource(Door.class)
class ListTablesTest extends DoorTest {
    @Test
    void noTablesIsAnEmptyList() {
        ListTablesResponse answer = client.listTables();
        assertThat(answer.hasTableNames()).isTrue();
        assertThat(answer.tableNames()).isEmpty();
        assertThat(answer.lastEvaluatedTableName()).isNull();
    }

    @Test
    void namesInByteOrderAndPagesWithAStrictCursor() {
        for (String name : List.of("abc", "ABC", "a.b", "a_b", "a-b", "zzz")) client.createTable(simpleTable(name));
        assertThat(client.listTables().tableNames()).containsExactly("ABC", "a-b", "a.b", "a_b", "abc", "zzz");

        ListTablesResponse first = client.listTables(b -> b.limit(2));
        assertThat(first.tableNames()).containsExactly("ABC", "a-b");
        assertThat(first.lastEvaluatedTableName()).isEqualTo("a-b");
        ListTablesResponse second = client.listTables(b -> b.limit(2).exclusiveStartTableName("a-b"));
        assertThat(second.tableNames()).containsExactly("a.b", "a_b");
        assertThat(second.lastEvaluatedTableName()).isEqualTo("a_b");
        // the last page, exactly full, has no cursor
        ListTablesResponse last = client.listTables(b -> b.limit(2).exclusiveStartTableName("a_b"));
        assertThat(last.tableNames()).containsExactly("abc", "zzz");
        assertThat(last.lastEvaluatedTableName()).isNull();
        // the cursor need not name a table
        assertThat(client.listTables(b -> b.exclusiveStartTableName("b00")).tableNames()).containsExactly("zzz");
        assertThat(client.listTables(b -> b.exclusiveStartTableName("zzz")).tableNames()).isEmpty();
        // the SDK's paginator walks every page
        assertThat(client.listTablesPaginator(b -> b.limit(1)).tableNames()).containsExactly("ABC", "a-b", "a.b", "a_b", "abc", "zzz");
    }

    @Test
    void limitAndCursorShapes() {
        assertValidation(() -> client.listTables(b -> b.limit(0)),
                "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
        assertValidation(() -> client.listTables(b -> b.limit(101)),
                "1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100");
        // several problems: the service's order between members is not pinned down, so only the parts are checked
        assertValidation(() -> client.listTables(b -> b.limit(500).exclusiveStartTableName("a;")), "3 validation errors detected: ");
        try {
            client.listTables(b -> b.limit(500).exclusiveStartTableName("a;"));
        } catch (software.amazon.awssdk.services.dynamodb.model.DynamoDbException e) {
            assertThat(e.awsErrorDetails().errorMessage()).contains(
                    "Value '500' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100",
                    "Value 'a;' at 'exclusiveStartTableName' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                            + "[a-zA-Z0-9_.-]+; Value 'a;' at 'exclusiveStartTableName' failed to satisfy constraint: Member must have length "
                            + "greater than or equal to 3");
        }
    }

    @Test
    void namespacesAreSeparate() {
        client.createTable(simpleTable("mine"));
        try (DynamoDbClient other = door.isolatedClient()) {
            assertThat(other.listTables().tableNames()).isEmpty();
        }
    }
}
