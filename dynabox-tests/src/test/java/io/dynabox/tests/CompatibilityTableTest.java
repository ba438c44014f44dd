package io.dynabox.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dynabox.engine.wire.ShapeValidator;
import io.dynabox.tests.readme.Readme;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * README's compatibility table is what the doors do: every action it marks "not yet" answers
 * UnknownOperationException with a message naming the action (CLIs and web GUIs show only the
 * message), every other action is answered by an operation, and every action of the service's
 * model has a row. Each action is called through the SDK with an empty request.
 */
@ParameterizedClass
@EnumSource(Door.class)
class CompatibilityTableTest extends DoorTest {
    /** A row "not yet ...: answers `UnknownOperationException`" (the middle may say why). */
    private static boolean notYet(String support) {
        return support.startsWith("not yet") && support.endsWith("answers `UnknownOperationException`");
    }

    @Test
    void theTableIsWhatTheDoorsAnswer() throws ReflectiveOperationException {
        Map<String, String> table = Readme.read().table("Compatibility");
        assertThat(table).containsKeys("CreateTable", "PutItem", "Query");
        int checked = 0;
        for (Map.Entry<String, String> row : table.entrySet()) {
            String action = row.getKey();
            if (!ShapeValidator.instance().isServiceAction(action)) continue; // rows of other APIs (Streams, ...)
            DynamoDbException answer = callWithEmptyRequest(action);
            if (notYet(row.getValue())) {
                assertThat(answer).as(action + " is marked not yet").isNotNull();
                assertThat(answer.awsErrorDetails().errorCode()).as(action).isEqualTo("UnknownOperationException");
                assertThat(answer.awsErrorDetails().errorMessage()).as(action)
                        .isEqualTo("[Dynabox: " + action + " is not built in Dynabox yet; README's compatibility table lists what is]");
            } else {
                if (answer != null) {
                    assertThat(answer.awsErrorDetails().errorCode()).as(action + " is marked " + row.getValue())
                            .isNotEqualTo("UnknownOperationException");
                }
            }
            checked++;
        }
        assertThat(table.keySet()).as("every action of the service's model has a row").containsAll(ShapeValidator.instance().operations());
        assertThat(checked).isEqualTo(ShapeValidator.instance().operations().size());
    }

    /** Calls {@code client.action(ActionRequest.builder().build())}; the service's error, or null when it answered. */
    private DynamoDbException callWithEmptyRequest(String action) throws ReflectiveOperationException {
        Class<?> requestType = Class.forName("software.amazon.awssdk.services.dynamodb.model." + action + "Request");
        Object request = ((software.amazon.awssdk.utils.builder.SdkBuilder<?, ?>) requestType.getMethod("builder").invoke(null)).build();
        Method method = DynamoDbClient.class.getMethod(Character.toLowerCase(action.charAt(0)) + action.substring(1), requestType);
        try {
            method.invoke(client, request);
            return null;
        } catch (InvocationTargetException e) {
            return catchThrowableOfType(() -> { throw e.getCause(); }, DynamoDbException.class);
        }
    }
}
