package io.dynabox.tests.readme.snippets;

import io.dynabox.sdk.Dynabox;
import io.dynabox.server.DynaboxServer;   // in io.dynabox:dynabox-server, the optional HTTP server
import java.net.URI;

class ProgrammaticServer {
    void start() {
        Dynabox dynabox = Dynabox.inMemory();
        DynaboxServer server = dynabox.startServer();      // a free port; startServer(8000) for a chosen one
        URI endpoint = server.endpoint();                  // http://127.0.0.1:PORT, for any SDK or the AWS CLI
        dynabox.close();                                   // stops the server and the engine
    }
}
