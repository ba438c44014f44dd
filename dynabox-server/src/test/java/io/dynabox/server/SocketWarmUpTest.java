package io.dynabox.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.engine.DynaboxOptions;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SocketWarmUpTest {
    private static final String LIST_TABLES = "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-amz-json-1.0\r\n"
            + "X-Amz-Target: DynamoDB_20120810.ListTables\r\nX-Amz-Date: 20260101T000000Z\r\n"
            + "Authorization: AWS4-HMAC-SHA256 Credential=warmup0/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0\r\n"
            + "Content-Length: 2\r\n\r\n{}";

    /** A warm-up whose requests fail would warm the error path instead of the ones real requests take. */
    @Test
    void eachConnectionsRequestsAreAnsweredAsIntended() {
        EventLoopGroup loops = new NioEventLoopGroup(2);
        try {
            List<String> answers = SocketWarmUp.run(scratch -> new ServerBootstrap().group(loops).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            DynaboxServer.addHandlers(ch.pipeline(), new HttpDoor(scratch, List.of(), Runnable::run));
                        }
                    }), 3);
            assertThat(answers).isEqualTo(Collections.nCopies(6, "HTTP/1.1 200 OK")); // a CreateTable and a DeleteTable on each connection
        } finally {
            loops.shutdownGracefully().syncUninterruptibly();
        }
    }

    /**
     * The command line's server warms its event loops up with connections to a scratch engine:
     * its own engine has not seen them, and none of them is still counted when the port opens
     * (with a limit of one connection, the first user's is served). The other warm-ups it is
     * given are over before the port opens.
     */
    @Test
    void theWarmUpLeavesNoTraceInTheServer() throws Exception {
        AtomicBoolean otherWarmUpsAwaited = new AtomicBoolean();
        try (DynaboxServer server = DynaboxServer.startWarmedUp(DynaboxOptions.builder().port(0).maxConnections(1).build(),
                () -> otherWarmUpsAwaited.set(true));
             RawHttp client = new RawHttp(server.port())) {
            assertThat(otherWarmUpsAwaited).isTrue();
            assertThat(client.send(LIST_TABLES).readResponse()).startsWith("HTTP/1.1 200 OK").endsWith("{\"TableNames\":[]}");
        }
    }
}
