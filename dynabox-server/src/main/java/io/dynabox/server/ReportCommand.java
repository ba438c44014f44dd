package io.dynabox.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.Engine;
import io.dynabox.engine.accounting.PlanningReport;
import io.dynabox.engine.accounting.Prices;
import io.dynabox.engine.accounting.ReportHtml;
import io.dynabox.engine.store.StoreException;
import io.dynabox.engine.wire.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dynabox report}: the planning report of a {@code --db-path} directory (read while no
 * server uses it) or of a running server ({@code --endpoint}), as HTML or JSON, to a file or
 * to standard output.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "The planning report (capacity, storage, cost) of a --db-path directory or of a running server.")
final class ReportCommand implements Callable<Integer> {
    @Option(names = {"--db-path", "-dbPath"}, paramLabel = "DIR", description = "Report on the data and accounting kept in DIR (no server may be using it).")
    Path dbPath;

    @Option(names = {"--endpoint"}, paramLabel = "URL", description = "Report on a running server, e.g. http://127.0.0.1:8000.")
    URI endpoint;

    @Option(names = {"--json"}, description = "Write report.json instead of the HTML page.")
    boolean json;

    @Option(names = {"--output", "-o"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = {"--runs-per-day"}, paramLabel = "N", description = "This run is 1/N of a day of production (default: the run's pace held all day).")
    Double runsPerDay;

    @Option(names = {"--traffic-multiplier"}, paramLabel = "M", description = "Production's traffic as a multiple of the run's (default 1).")
    double trafficMultiplier = 1;

    @Option(names = {"--prices"}, paramLabel = "FILE", description = "Prices file to use instead of the bundled ones (same shape).")
    Path prices;

    @Option(names = {"--shared-db", "-sharedDb"}, description = "The directory was written with --shared-db.")
    boolean sharedDb;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if ((dbPath == null) == (endpoint == null)) {
            System.err.println("dynabox report: give either --db-path DIR or --endpoint URL");
            return 2;
        }
        byte[] report;
        if (endpoint != null) {
            report = fromServer();
            if (report == null) return 1;
        } else {
            if (!Files.isDirectory(dbPath)) {
                System.err.println("dynabox report: no directory " + dbPath + " (give the --db-path a server was started with)");
                return 2;
            }
            try {
                report = fromDirectory();
            } catch (StoreException e) {
                System.err.println("dynabox report: " + e.getMessage() + " (a running server: use --endpoint)");
                return 2;
            }
        }
        if (output == null) {
            PrintStream out = System.out;
            out.write(report);
            out.flush();
        } else {
            Files.write(output, report);
        }
        return 0;
    }

    private byte[] fromDirectory() {
        DynaboxOptions options = DynaboxOptions.builder().dbPath(dbPath).sharedDb(sharedDb).prices(prices).build();
        try (Engine engine = new Engine(options)) {
            JsonNode report = PlanningReport.json(engine, new PlanningReport.Settings(null, null, runsPerDay, trafficMultiplier,
                    prices == null ? null : Prices.read(prices)));
            return json ? Json.write(report) : ReportHtml.render(report).getBytes(StandardCharsets.UTF_8);
        }
    }

    private byte[] fromServer() throws IOException, InterruptedException {
        StringBuilder uri = new StringBuilder(endpoint.toString().replaceAll("/+$", ""))
                .append(json ? "/dynabox/report.json" : "/dynabox/report").append("?trafficMultiplier=").append(trafficMultiplier);
        if (runsPerDay != null) uri.append("&runsPerDay=").append(URLEncoder.encode(runsPerDay.toString(), StandardCharsets.UTF_8));
        HttpResponse<byte[]> response;
        try {
            response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(uri.toString())).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IllegalArgumentException e) {
            System.err.println("dynabox report: --endpoint " + endpoint + " is not a URL such as http://127.0.0.1:8000");
            return null;
        } catch (IOException e) {
            System.err.println("dynabox report: cannot reach " + endpoint + " (" + e + "): start the server there, "
                    + "or report on its files with --db-path");
            return null;
        }
        if (response.statusCode() != 200) {
            System.err.println("dynabox report: " + endpoint + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
            return null;
        }
        return response.body();
    }
}
