package io.dynabox.bench.suite;

import io.dynabox.sdk.junit.DynaboxTable;
import io.dynabox.sdk.junit.DynaboxTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The suite in Dynabox through the in-process door: each test gets its namespace's client from the extension. */
@DynaboxTest
@DynaboxTable(name = "users", hashKey = "pk", rangeKey = "sk", rangeKeyType = ScalarAttributeType.N)
@DynaboxTable(name = "orders", hashKey = "pk", rangeKey = "sk", rangeKeyType = ScalarAttributeType.N)
@DynaboxTable(name = "items", hashKey = "pk", rangeKey = "sk", rangeKeyType = ScalarAttributeType.N)
@DynaboxTable(name = "events", hashKey = "pk", rangeKey = "sk", rangeKeyType = ScalarAttributeType.N)
@DynaboxTable(name = "sessions", hashKey = "pk", rangeKey = "sk", rangeKeyType = ScalarAttributeType.N)
public class InProcessSuite extends SuiteTests {
    private SuiteDb db;

    @BeforeAll
    static void load(DynamoDbClient client) {
        SuiteDb.load(new SdkDb(client));
    }

    @BeforeEach
    void open(DynamoDbClient client) {
        db = new SdkDb(client);
    }

    @Override
    SuiteDb db() {
        return db;
    }
}
