package io.dynabox.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HttpWarmUpTest {
    /** A warm-up whose requests fail would warm the error path instead of the ones real requests take. */
    @Test
    void everyWarmUpRequestIsAnsweredAsIntended() {
        assertThat(HttpWarmUp.run()).containsExactly(
                "HTTP/1.1 200 OK", // ListTables
                "HTTP/1.1 200 OK", // CreateTable
                "HTTP/1.1 200 OK", // DescribeTable
                "HTTP/1.1 200 OK", // PutItem
                "HTTP/1.1 200 OK", // GetItem
                "HTTP/1.1 200 OK", // UpdateItem
                "HTTP/1.1 400 Bad Request", // GetItem with a key of the wrong shape: the validation path
                "HTTP/1.1 200 OK", // DeleteItem
                "HTTP/1.1 200 OK"); // DeleteTable
    }
}
