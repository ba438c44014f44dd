package io.dynabox.server.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.DynamoResponse;
import io.dynabox.engine.Engine;
import io.dynabox.engine.wire.Json;
import io.dynabox.server.HttpAnswer;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web console at {@code /dynabox/console}: a page of our own HTML, CSS and JavaScript
 * served from the jar (nothing loaded from elsewhere), and the JSON endpoints it calls.
 *
 * <p>The browser never signs requests: it asks {@code POST /dynabox/console/api/call}
 * to run one DynamoDB action in a namespace it names, and the console hands it to the
 * engine as the in-process door would, so the answers (and errors) are the engine's own.
 * Only the actions the console needs are allowed; with {@code --console-read-only}, only
 * those that change nothing. API calls must carry the {@code X-Dynabox-Console} header,
 * which a page of another origin cannot send without a CORS preflight that Dynabox refuses
 * (unless {@code --cors} allows that origin), so other web sites cannot drive it. With
 * {@code --credentials} its API is off: it would be a way around the signature check.
 */
public final class Console {
    public static final String PATH = "/dynabox/console";
    static final String API = PATH + "/api/";
    static final String HEADER = "X-Dynabox-Console";
    private static final String JSON = "application/json";
    private static final Set<String> READS = Set.of("ListTables", "DescribeTable", "DescribeTimeToLive",
            "GetItem", "BatchGetItem", "Query", "Scan", "TransactGetItems");
    private static final Set<String> WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem",
            "CreateTable", "DeleteTable", "UpdateTable");
    private static final Map<String, String> ASSETS = Map.of(
            "", "index.html",
            "/", "index.html",
            "/console.js", "console.js",
            "/console.css", "console.css");

    private final Engine engine;
    private final boolean readOnly;
    private final Map<String, byte[]> assetBytes = new ConcurrentHashMap<>();

    private Console(Engine engine) {
        this.engine = engine;
        this.readOnly = engine.options().consoleReadOnly();
    }

    /** The engine's console. */
    public static Console of(Engine engine) {
        return engine.extension(Console.class, Console::new);
    }

    /** The answer to a request for {@code path}, which is the console's path or below it. */
    public CompletableFuture<HttpAnswer> answer(FullHttpRequest request, String path) {
        if (path.startsWith(API)) return api(request, path.substring(API.length()));
        if (!request.method().equals(HttpMethod.GET)) return done(error(HttpResponseStatus.METHOD_NOT_ALLOWED, "use GET"));
        String asset = ASSETS.get(path.substring(PATH.length()));
        if (asset == null) return done(error(HttpResponseStatus.NOT_FOUND, "no such page in the console: " + path));
        return done(new HttpAnswer(HttpResponseStatus.OK, contentType(asset), asset(asset)));
    }

    private CompletableFuture<HttpAnswer> api(FullHttpRequest request, String call) {
        if (request.headers().get(HEADER) == null) {
            return done(error(HttpResponseStatus.FORBIDDEN, "console API calls carry the " + HEADER + " header"));
        }
        if (engine.options().credentials() != null) {
            // the console signs nothing: where signatures are checked, it would be a way around them
            return done(error(HttpResponseStatus.FORBIDDEN, "the console is off while --credentials checks signatures"));
        }
        if (call.equals("namespaces") && request.method().equals(HttpMethod.GET)) return done(namespaces());
        if (call.equals("call") && request.method().equals(HttpMethod.POST)) return call(request);
        return done(error(HttpResponseStatus.NOT_FOUND, "no such console API call: " + call));
    }

    /** The namespaces there are, and whether the console may change anything. */
    private HttpAnswer namespaces() {
        ObjectNode answer = Json.object();
        answer.put("readOnly", readOnly);
        answer.put("sharedDb", engine.options().sharedDb());
        answer.put("store", engine.options().inMemory() ? "memory" : "sqlite");
        ArrayNode list = answer.putArray("namespaces");
        for (String id : engine.namespaceIds()) list.add(id);
        return ok(answer);
    }

    /** Runs {@code {"namespace", "action", "request"}} in the engine; answers with the engine's status and body. */
    private CompletableFuture<HttpAnswer> call(FullHttpRequest request) {
        String contentType = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
        if (contentType == null || !contentType.startsWith(JSON)) {
            return done(error(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE, "console API calls send application/json"));
        }
        JsonNode call;
        try {
            call = Json.parse(ByteBufUtil.getBytes(request.content()));
        } catch (IOException e) {
            return done(error(HttpResponseStatus.BAD_REQUEST, "the call is not JSON: " + e.getMessage()));
        }
        String namespace = call.path("namespace").asText(null);
        String action = call.path("action").asText(null);
        JsonNode body = call.get("request");
        if (namespace == null || namespace.isEmpty() || action == null || body == null || !body.isObject()) {
            return done(error(HttpResponseStatus.BAD_REQUEST, "a call names namespace, action and request"));
        }
        if (!allowed(action, body)) {
            boolean aWrite = WRITES.contains(action) || action.equals("ExecuteStatement");
            return done(error(HttpResponseStatus.FORBIDDEN, readOnly && aWrite
                    ? "the console is read-only (--console-read-only): " + action + " is not allowed"
                    : "the console does not call " + action));
        }
        try {
            engine.namespace(namespace);
        } catch (IllegalArgumentException e) {
            return done(error(HttpResponseStatus.BAD_REQUEST, e.getMessage()));
        }
        return engine.handleAsync(namespace, action, Json.write(body)).thenApply(Console::fromEngine);
    }

    private boolean allowed(String action, JsonNode body) {
        if (READS.contains(action)) return true;
        if (action.equals("ExecuteStatement")) return !readOnly || isSelect(body.path("Statement").asText(""));
        return !readOnly && WRITES.contains(action);
    }

    private static boolean isSelect(String statement) {
        return statement.stripLeading().regionMatches(true, 0, "SELECT", 0, 6);
    }

    private static HttpAnswer fromEngine(DynamoResponse response) {
        return new HttpAnswer(HttpResponseStatus.valueOf(response.status()), JSON, response.body());
    }

    private byte[] asset(String name) {
        return assetBytes.computeIfAbsent(name, n -> {
            try (InputStream in = Console.class.getResourceAsStream(n)) {
                if (in == null) throw new IllegalStateException("the console's " + n + " is missing from the jar");
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String contentType(String asset) {
        if (asset.endsWith(".html")) return "text/html; charset=utf-8";
        if (asset.endsWith(".js")) return "text/javascript; charset=utf-8";
        if (asset.endsWith(".css")) return "text/css; charset=utf-8";
        return "application/octet-stream";
    }

    private static HttpAnswer ok(JsonNode body) {
        return new HttpAnswer(HttpResponseStatus.OK, JSON, Json.write(body));
    }

    private static HttpAnswer error(HttpResponseStatus status, String message) {
        ObjectNode body = Json.object();
        body.put("__type", "dynabox#ConsoleError");
        body.put("message", message);
        return new HttpAnswer(status, JSON, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static CompletableFuture<HttpAnswer> done(HttpAnswer answer) {
        return CompletableFuture.completedFuture(answer);
    }
}
