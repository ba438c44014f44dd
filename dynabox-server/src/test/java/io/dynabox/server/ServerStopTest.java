package io.dynabox.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.Engine;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Once close() returns, the server's port can be taken again at once: a test suite restarts on the same port. */
class ServerStopTest {

    @Test
    void thePortIsFreeAsSoonAsCloseReturns() throws IOException {
        try (Engine engine = new Engine(DynaboxOptions.builder().build())) {
            for (int round = 0; round < 40; round++) {
                DynaboxServer server = DynaboxServer.start(engine, 0);
                int port = server.port();
                server.close();
                try (ServerSocket again = new ServerSocket(port)) {
                    assertThat(again.getLocalPort()).isEqualTo(port);
                } catch (IOException e) {
                    throw new AssertionError("round " + round + ": port " + port + " still taken after close() returned", e);
                }
            }
        }
    }
}
