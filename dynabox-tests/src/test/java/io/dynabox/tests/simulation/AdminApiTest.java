package io.dynabox.tests.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.engine.simulation.FaultRule;
import io.dynabox.engine.simulation.SimulationSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The admin front door over HTTP: its paths, their errors, and that it is never a DynamoDB action. */
class AdminApiTest {
    @Test
    void resetDropsTheTablesOfTheNamespaceNamed() {
        String accessKey = SimulatedDoor.freshAccessKey();
        SimulatedDoor.Control admin = SimulatedDoor.HTTP.control(accessKey);
        try (DynamoDbClient client = SimulatedDoor.HTTP.client(accessKey); DynamoDbClient other = SimulatedDoor.HTTP.client(accessKey + "-other")) {
            Tables.onDemand(client, admin, "mine");
            Tables.onDemand(other, admin, "theirs");

            admin.reset();

            assertThat(client.listTables().tableNames()).isEmpty();
            assertThat(other.listTables().tableNames()).containsExactly("theirs");
        }
    }

    @Test
    void deletingANamespaceForgetsItsTablesAndFaultRules() {
        String accessKey = SimulatedDoor.freshAccessKey();
        SimulatedDoor.Control admin = SimulatedDoor.HTTP.control(accessKey);
        try (DynamoDbClient client = SimulatedDoor.HTTP.client(accessKey); DynamoDbClient other = SimulatedDoor.HTTP.client(accessKey + "-other")) {
            Tables.onDemand(client, admin, "mine");
            Tables.onDemand(other, admin, "theirs");
            admin.addFault(FaultRule.on("GetItem", "mine").answering("InternalServerError"));

            HttpResponse<String> dropped = SimulatedDoor.HttpControl.send("DELETE", "/dynabox/namespaces?accessKey=" + accessKey + "&region=us-east-1", null);

            assertThat(dropped.statusCode()).isEqualTo(200);
            assertThat(dropped.body()).isEqualTo("{\"accessKey\":\"" + accessKey + "\",\"region\":\"us-east-1\"}");
            assertThat(client.listTables().tableNames()).isEmpty();
            assertThat(SimulatedDoor.HttpControl.send("GET", "/dynabox/faults?accessKey=" + accessKey + "&region=us-east-1", null).body())
                    .isEqualTo("{\"faults\":[]}");
            assertThat(other.listTables().tableNames()).containsExactly("theirs");
        }
        HttpResponse<String> unnamed = SimulatedDoor.HttpControl.send("DELETE", "/dynabox/namespaces", null);
        assertThat(unnamed.statusCode()).isEqualTo(400);
        assertThat(unnamed.body()).contains("give ?accessKey=&region=: the namespace to drop");
    }

    @Test
    void simulationSettingsAreOneDocument() {
        SimulatedDoor.HttpControl admin = new SimulatedDoor.HttpControl(SimulatedDoor.freshAccessKey());
        String document = "{\"seed\":7,\"throttling\":true,\"consistencyLagMillis\":250,\"transactionConflicts\":true,\"transactionConflictRate\":0.0,"
                + "\"tables\":{\"orders\":{\"throttling\":false}}}";

        HttpResponse<String> put = SimulatedDoor.HttpControl.send("PUT", "/dynabox/simulation?accessKey=x1&region=us-east-1", document);
        HttpResponse<String> get = SimulatedDoor.HttpControl.send("GET", "/dynabox/simulation?accessKey=x1&region=us-east-1", null);

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo(document);
        // the server's own settings are untouched: everything off
        assertThat(SimulatedDoor.HttpControl.send("GET", "/dynabox/simulation", null).body())
                .isEqualTo(SimulationSettings.OFF.toJson().toString());
        assertThat(admin.simulation()).isEqualTo(SimulationSettings.OFF);
    }

    @Test
    void badBodiesAndUnknownPathsAreRefusedWithTheReason() {
        assertThat(SimulatedDoor.HttpControl.send("PUT", "/dynabox/simulation?accessKey=x2", "{\"throttle\":true}"))
                .satisfies(r -> {
                    assertThat(r.statusCode()).isEqualTo(400);
                    assertThat(r.body()).contains("unknown member 'throttle'");
                });
        assertThat(SimulatedDoor.HttpControl.send("POST", "/dynabox/faults?accessKey=x2", "{\"error\":\"Oops\"}"))
                .satisfies(r -> {
                    assertThat(r.statusCode()).isEqualTo(400);
                    assertThat(r.body()).contains("unknown error 'Oops'");
                });
        // a misspelt action would make a rule that never fires
        assertThat(SimulatedDoor.HttpControl.send("POST", "/dynabox/faults?accessKey=x2", "{\"action\":\"Quer\",\"error\":\"InternalServerError\"}"))
                .satisfies(r -> {
                    assertThat(r.statusCode()).isEqualTo(400);
                    assertThat(r.body()).contains("'action' names no action of DynamoDB or DynamoDB Streams: Quer");
                });
        assertThat(SimulatedDoor.HttpControl.send("POST", "/dynabox/clock", "{\"set\":\"yesterday\"}").statusCode()).isEqualTo(400);
        assertThat(SimulatedDoor.HttpControl.send("POST", "/dynabox/clock", "{\"mode\":\"system\",\"extra\":1}").body())
                .contains("unknown member 'extra' of a clock move");
        // out of range: refused with the member named, where 1e300 seconds overflowed into the year -292 million
        assertThat(SimulatedDoor.HttpControl.send("POST", "/dynabox/clock", "{\"advanceSeconds\":1e300}"))
                .satisfies(r -> {
                    assertThat(r.statusCode()).isEqualTo(400);
                    assertThat(r.body()).contains("'advanceSeconds' 1E+300 would move the clock out of 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z");
                });
        assertThat(SimulatedDoor.HttpControl.send("POST", "/dynabox/clock", "{\"set\":\"+10000-01-01T00:00:00Z\"}").body())
                .contains("'set' +10000-01-01T00:00:00Z is out of 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z");
        assertThat(SimulatedDoor.HttpControl.send("POST", "/dynabox/faults?accessKey=x2", "{\"error\":\"InternalServerError\",\"times\":3000000000}").body())
                .contains("'times' is a whole number from 1 to 2147483647");
        assertThat(SimulatedDoor.HttpControl.send("GET", "/dynabox/nothing", null).statusCode()).isEqualTo(404);
        // every admin error is {"error": why}
        assertThat(SimulatedDoor.HttpControl.send("GET", "/dynabox/contributor-insights?table=nope&accessKey=x2", null))
                .satisfies(r -> {
                    assertThat(r.statusCode()).isEqualTo(404);
                    assertThat(r.body()).isEqualTo("{\"error\":\"no table nope\"}");
                });
        assertThat(SimulatedDoor.HttpControl.send("DELETE", "/dynabox/clock", null).statusCode()).isEqualTo(405);
        assertThat(SimulatedDoor.HttpControl.send("DELETE", "/dynabox/faults/fault-none?accessKey=x2", null).statusCode()).isEqualTo(404);
    }

    @Test
    void theAdminApiIsNoDynamoDbAction() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(SimulatedDoor.server().endpoint() + "/"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810.Reset")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=k/20300101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=x")
                .build();

        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("UnknownOperationException");
    }
}
