package io.dynabox.tests;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The set-up every behaviour test shares: the door it runs through (subclasses are
 * {@code @ParameterizedClass @EnumSource(Door.class)}) and a client in a namespace of its
 * own, open for each test. Subclasses' own {@code @BeforeEach} methods run after this one.
 */
public abstract class DoorTest {
    @Parameter
    protected Door door;

    protected DynamoDbClient client;

    @BeforeEach
    protected void openClient() {
        client = door.isolatedClient();
    }

    @AfterEach
    protected void closeClient() {
        client.close();
    }
}
