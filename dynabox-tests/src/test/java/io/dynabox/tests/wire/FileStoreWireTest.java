package io.dynabox.tests.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.server.DynaboxServer;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP door in front of a file store, whose answers to writes wait for their commit off the event loop. */
class FileStoreWireTest {
    private static final String TARGET = "DynamoDB_20120810.";

    @TempDir
    Path dir;

    /** A client that pipelines gets its answers in the order of its requests, each seeing the writes before it. */
    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws IOException {
        try (DynaboxServer server = DynaboxServer.start(DynaboxOptions.builder().port(0).dbPath(dir).build());
             RawHttp http = new RawHttp(server.port())) {
            assertThat(http.call(TARGET + "CreateTable", "{\"TableName\":\"pipelined\",\"BillingMode\":\"PAY_PER_REQUEST\","
                    + "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],"
                    + "\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}]}").text()).contains("\"TableName\":\"pipelined\"");
            int rounds = 50;
            for (int i = 0; i < rounds; i++) {
                http.sendOnly(TARGET + "PutItem", "{\"TableName\":\"pipelined\",\"Item\":{\"id\":{\"S\":\"a\"},\"v\":{\"N\":\"" + i + "\"}}}");
                http.sendOnly(TARGET + "GetItem", "{\"TableName\":\"pipelined\",\"Key\":{\"id\":{\"S\":\"a\"}}}");
            }
            for (int i = 0; i < rounds; i++) {
                RawHttp.Response put = http.read();
                assertThat(put.status()).isEqualTo(200);
                assertThat(put.text()).isEqualTo("{}");
                RawHttp.Response get = http.read();
                assertThat(get.text()).isEqualTo("{\"Item\":{\"id\":{\"S\":\"a\"},\"v\":{\"N\":\"" + i + "\"}}}");
            }
        }
    }
}
