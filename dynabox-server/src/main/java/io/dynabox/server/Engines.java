package io.dynabox.server;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.Engine;

/** Opens the engine the options describe. */
final class Engines {
    private Engines() {}

    static Engine open(DynaboxOptions options) {
        return new Engine(options);
    }
}
