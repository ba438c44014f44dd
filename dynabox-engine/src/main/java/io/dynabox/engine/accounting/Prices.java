package io.dynabox.engine.accounting;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.wire.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * DynamoDB's prices in one region on one date, from a data file: the bundled ones are
 * {@code prices/REGION.json} beside this class (us-east-1 for a region without one); a file of
 * the same shape overrides them ({@code --prices FILE}). Prices change: the file says its date.
 */
public record Prices(String region, String date, String currency, String source,
                     double readRequestUnitsPerMillion, double writeRequestUnitsPerMillion,
                     double readCapacityUnitHour, double writeCapacityUnitHour, double storageGbMonth) {

    private static final String FALLBACK_REGION = "us-east-1";

    /** The bundled prices of a region, or of us-east-1 when Dynabox has none for it. */
    public static Prices forRegion(String region) {
        InputStream in = Prices.class.getResourceAsStream("prices/" + region + ".json");
        if (in == null) in = Prices.class.getResourceAsStream("prices/" + FALLBACK_REGION + ".json");
        try (InputStream data = in) {
            return of(Json.parse(data.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prices from a file of the bundled files' shape. */
    public static Prices read(Path file) {
        try {
            return of(Json.parse(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the prices file " + file + ": "
                    + (e instanceof NoSuchFileException ? "no such file" : e.getMessage()), e);
        }
    }

    static Prices of(JsonNode node) {
        return new Prices(node.path("region").asText(), node.path("date").asText(), node.path("currency").asText("USD"),
                node.path("source").asText(""),
                node.path("onDemand").path("readRequestUnitsPerMillion").asDouble(),
                node.path("onDemand").path("writeRequestUnitsPerMillion").asDouble(),
                node.path("provisioned").path("readCapacityUnitHour").asDouble(),
                node.path("provisioned").path("writeCapacityUnitHour").asDouble(),
                node.path("storage").path("gbMonth").asDouble());
    }
}
