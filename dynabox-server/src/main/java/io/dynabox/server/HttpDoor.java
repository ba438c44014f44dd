package io.dynabox.server;

import io.dynabox.engine.DynamoRequest;
import io.dynabox.engine.DynamoResponse;
import io.dynabox.engine.Engine;
import io.dynabox.engine.admin.AdminApi;
import io.dynabox.engine.RequestHead;
import io.dynabox.engine.wire.ContentCoding;
import io.dynabox.engine.wire.Json;
import io.dynabox.engine.wire.RequestIds;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.AsciiString;
import io.netty.util.AttributeKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.zip.CRC32;

/**
 * Turns HTTP requests into engine calls and engine answers into HTTP responses, with the
 * service's HTTP rules: GET is a health check, other methods and unknown content types
 * are a 404, every answer carries a request id and a CRC32 of its body. What is not HTTP
 * gets a 4xx and the connection is closed.
 */
@ChannelHandler.Sharable
final class HttpDoor extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final String AMZ_JSON = "application/x-amz-json-1.0";
    private static final String JSON = "application/json";
    /*
     * Header values as AsciiStrings: the HTTP encoder copies an AsciiString's bytes at once, and
     * writes a String one character at a time through the buffer's setByte, which costs a
     * request's first few hundred answers (run interpreted) about a tenth of their event loop's CPU.
     */
    static final AsciiString AMZ_JSON_TYPE = AsciiString.cached(AMZ_JSON);
    static final AsciiString JSON_TYPE = AsciiString.cached(JSON);
    private static final AsciiString X_FRAME_OPTIONS = AsciiString.cached("X-Frame-Options");
    private static final AsciiString SAME_ORIGIN = AsciiString.cached("SAMEORIGIN");
    private static final AsciiString FRAME_ANCESTORS_SELF = AsciiString.cached("frame-ancestors 'self'");
    private static final AsciiString TEXT_TYPE = AsciiString.cached("text/plain");
    private static final AsciiString XML_TYPE = AsciiString.cached("application/xml");
    static final AsciiString SERVER_NAME = AsciiString.cached("Server");
    private static final AsciiString ZERO = AsciiString.cached("0");
    /** The host the health check names when a request names none (HTTP/1.0). */
    private static final String DEFAULT_HOST = "dynamodb.us-east-1.amazonaws.com";
    /** The headers the service lets a browser script read, on every answer to a CORS request. */
    private static final String EXPOSED_HEADERS = "x-amzn-RequestId,x-amzn-ErrorType,x-amz-request-id,x-amz-id-2,x-amzn-ErrorMessage,Date";
    private static final byte[] EMPTY = new byte[0];
    private static final byte[] NOT_FOUND = "<UnknownOperationException/>\n".getBytes(StandardCharsets.US_ASCII);
    /** A connection's requests that arrived while its last answer waited for the disk; absent when none waits. */
    private static final AttributeKey<ArrayDeque<FullHttpRequest>> WAITING = AttributeKey.valueOf("dynabox.waiting");

    /**
     * Actions answered on the event loop: their work is bounded by one item (400 KB), one table's
     * description, one page (a Query or Scan page reads at most 1 MB) or, for BatchWriteItem,
     * its body (at most {@link #INLINE_BODY_BYTES} here). Handing them to a worker and the answer
     * back cost more CPU than a small page or batch takes.
     */
    private static final Set<String> LIGHT_ACTIONS = Set.of("GetItem", "PutItem", "UpdateItem", "DeleteItem", "DescribeTable", "ListTables",
            "Query", "Scan", "BatchWriteItem");
    /** Bodies larger than this are parsed off the event loop, whatever their action. */
    private static final int INLINE_BODY_BYTES = 64 * 1024;
    private static final String TARGET_PREFIX = "DynamoDB_20120810.";
    /**
     * The headers of an answer: names are this class's constants and values its own or a
     * request's (which the decoder checked), so Netty's check of every name and value as it
     * is set (a few per cent of a PutItem's server CPU) is left out.
     */
    private static final HttpHeadersFactory OWN_HEADERS = DefaultHttpHeadersFactory.headersFactory().withValidation(false);
    /** An answer has no trailers (it is never chunked): none are made. */
    private static final HttpHeadersFactory NO_TRAILERS = new HttpHeadersFactory() {
        @Override
        public HttpHeaders newHeaders() {
            return EmptyHttpHeaders.INSTANCE;
        }

        @Override
        public HttpHeaders newEmptyHeaders() {
            return EmptyHttpHeaders.INSTANCE;
        }
    };
    // header names as AsciiStrings, whose hash the headers' look-ups and the encoder need not work out each time
    private static final AsciiString TARGET = AsciiString.cached("X-Amz-Target");
    private static final AsciiString AMZ_DATE = AsciiString.cached("X-Amz-Date");
    static final AsciiString REQUEST_ID = AsciiString.cached("x-amzn-RequestId");
    static final AsciiString CRC32_HEADER = AsciiString.cached("x-amz-crc32");

    private final Engine engine;
    private final List<String> corsOrigins;
    private final HttpDates dates;
    private final OwnPaths ownPaths;
    private final BrowserGuard guard;
    private final Executor offLoop;
    /**
     * Whether the engine keeps its data in memory: a CreateTable then waits for no disk and its
     * work is one table's definition, so it is answered on the event loop like the light actions
     * (two thread hand-offs less on a test suite's first request; with files it still runs off the loop).
     */
    private final boolean inMemory;

    /**
     * @param offLoop runs the requests that may take longer than an event loop may be held:
     *                pages of Query and Scan, batches, transactions, table changes (which wait
     *                for the disk) and large bodies
     */
    HttpDoor(Engine engine, List<String> corsOrigins, Executor offLoop) {
        this.engine = engine;
        this.corsOrigins = corsOrigins;
        this.dates = new HttpDates(engine::nowMillis);
        this.ownPaths = new OwnPaths(engine);
        this.guard = new BrowserGuard(this::allowsCors, engine.options().host(), engine.options().consoleReadOnly());
        this.offLoop = offLoop;
        this.inMemory = engine.options().inMemory();
    }

    /**
     * Answers on the event loop. An answer that waits for its writes to be durable (a file
     * store) is sent from the event loop when they are; requests pipelined behind it on the
     * same connection wait their turn, so answers keep the order of the requests.
     */
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        ArrayDeque<FullHttpRequest> waiting = ctx.channel().attr(WAITING).get();
        if (waiting != null) {
            waiting.add(request.retain());
            ctx.channel().config().setAutoRead(false); // a pipelining client waits with the rest until the answer is out
            return;
        }
        serve(ctx, request);
    }

    private void serve(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            refuseMalformed(ctx, request.decoderResult().cause());
            return;
        }
        Delivery delivery = new Delivery(HttpUtil.isKeepAlive(request), request.headers().get(HttpHeaderNames.ORIGIN),
                request.method().equals(HttpMethod.HEAD));
        CompletableFuture<Reply> response;
        try {
            response = answer(request, ctx);
        } catch (RuntimeException e) {
            response = CompletableFuture.completedFuture(internalError(e));
        }
        if (response.isDone()) {
            send(ctx, response.join(), delivery);
            return;
        }
        ctx.channel().attr(WAITING).set(new ArrayDeque<>());
        response.whenComplete((answer, e) -> { // on the event loop: answer() completes it there
            send(ctx, e == null ? answer : internalError(e), delivery);
            ArrayDeque<FullHttpRequest> queued = ctx.channel().attr(WAITING).getAndSet(null);
            boolean paused = !queued.isEmpty();
            while (!queued.isEmpty()) {
                ArrayDeque<FullHttpRequest> again = ctx.channel().attr(WAITING).get();
                if (again != null) { // a queued request waits for the disk in turn: the rest wait behind it
                    again.addAll(queued);
                    return;
                }
                FullHttpRequest next = queued.poll();
                try {
                    serve(ctx, next);
                } finally {
                    next.release();
                }
            }
            if (paused) ctx.channel().config().setAutoRead(true);
        });
    }

    /** What the door answers: an engine's answer sent as it is, or a response of the door's own. */
    private sealed interface Reply permits PlainAnswer, OwnResponse {}

    /** An engine's answer, uncompressed. */
    private record PlainAnswer(AsciiString contentType, DynamoResponse answer) implements Reply {}

    private record OwnResponse(FullHttpResponse response) implements Reply {}

    /** How the request wants its answer: whether the connection stays open, its CORS origin, whether it asked for the head only. */
    private record Delivery(boolean keepAlive, String origin, boolean headOnly) {}

    private void send(ChannelHandlerContext ctx, Reply reply, Delivery delivery) {
        Object message;
        if (reply instanceof PlainAnswer plain && !delivery.headOnly() && !wantsCors(delivery.origin())) {
            DynamoResponse answer = plain.answer();
            message = AnswerBytes.write(ctx.alloc(), answer.status(), plain.contentType(), answer.body(), answer.requestId(), dates.now(),
                    delivery.keepAlive());
        } else {
            FullHttpResponse response = reply instanceof PlainAnswer plain
                    ? respond(HttpResponseStatus.valueOf(plain.answer().status()), plain.contentType(), plain.answer().body(), plain.answer().requestId())
                    : ((OwnResponse) reply).response();
            if (delivery.headOnly()) { // the head a GET would get, without its body
                FullHttpResponse head = response.replace(Unpooled.EMPTY_BUFFER);
                response.release();
                response = head;
            }
            addCors(delivery.origin(), response);
            // the service names itself and the time on every answer, and says the connection stays open
            response.headers().set(HttpHeaderNames.SERVER, SERVER_NAME).set(HttpHeaderNames.DATE, dates.now());
            response.headers().set(HttpHeaderNames.CONNECTION, delivery.keepAlive() ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
            message = response;
        }
        if (delivery.keepAlive()) {
            ctx.write(message, ctx.voidPromise());
            RoundFlushes.flushAfterRound(ctx);
        } else {
            ctx.writeAndFlush(message).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** A failure of the door itself, answered in the same words, by the same error writer, as one inside the engine. */
    private Reply internalError(Throwable e) {
        return new PlainAnswer(AMZ_JSON_TYPE, engine.internalError(RequestIds.next(), "the HTTP door", e));
    }

    private CompletableFuture<Reply> answer(FullHttpRequest request, ChannelHandlerContext ctx) {
        HttpHeaders headers = request.headers();
        HttpMethod method = request.method();
        if (method.equals(HttpMethod.OPTIONS) && headers.contains(HttpHeaderNames.ORIGIN) && allowsCors(headers.get(HttpHeaderNames.ORIGIN))) {
            return CompletableFuture.completedFuture(new OwnResponse(preflight(headers)));
        }
        boolean ownPath = AdminDoor.handles(request.uri()) || request.uri().startsWith(OwnPaths.METRICS);
        String refusal = ownPath ? guard.refusal(request) : null;
        if (refusal != null) {
            byte[] body = Json.write(Json.object().put("error", refusal));
            return CompletableFuture.completedFuture(new OwnResponse(ownPathAnswer(HttpResponseStatus.FORBIDDEN, JSON_TYPE, body)));
        }
        CompletableFuture<HttpAnswer> own = ownPaths.answer(request);
        if (own != null) {
            Function<HttpAnswer, Reply> toHttp = a -> new OwnResponse(ownPathAnswer(a.status(), a.contentType(), a.body()));
            return own.isDone() ? own.thenApply(toHttp) : own.thenApplyAsync(toHttp, ctx.executor());
        }
        if (AdminDoor.handles(request.uri())) {
            // off the event loop: an admin request may wait (for replication, say) as long as it asks
            return AdminDoor.answerAsync(engine.adminApi(), request).handleAsync((admin, e) -> e != null ? internalError(e) : new OwnResponse(
                    ownPathAnswer(HttpResponseStatus.valueOf(admin.status()), admin.contentType(), admin.body())), ctx.executor());
        }
        if (method.equals(HttpMethod.GET)) {
            return CompletableFuture.completedFuture(new OwnResponse(path(request.uri()).equals("/") ? healthy(headers) : notFound()));
        }
        if (!method.equals(HttpMethod.POST)) return CompletableFuture.completedFuture(new OwnResponse(notFound()));
        ByteBuf content = request.content();
        String contentType = baseType(headers.get(HttpHeaderNames.CONTENT_TYPE));
        boolean hasBody = content.isReadable();
        if (hasBody && !AMZ_JSON.equals(contentType) && !JSON.equals(contentType)) return CompletableFuture.completedFuture(new OwnResponse(notFound()));
        byte[] body = hasBody ? ByteBufUtil.getBytes(content) : new byte[0];
        String date = headers.get(AMZ_DATE);
        if (date == null) date = headers.get(HttpHeaderNames.DATE);
        String uri = request.uri();
        int question = uri.indexOf('?');
        RequestHead head = new RequestHead(method.name(), path(uri), question < 0 ? null : uri.substring(question + 1), headers::getAll, false);
        String target = headers.get(TARGET);
        DynamoRequest dynamoRequest = new DynamoRequest(target, headers.get(HttpHeaderNames.AUTHORIZATION), date, body, query(uri), head);
        CompletableFuture<DynamoResponse> answer = isLight(target, body.length)
                ? engine.handleAsync(dynamoRequest)
                : CompletableFuture.supplyAsync(() -> engine.handleAsync(dynamoRequest), offLoop).thenCompose(a -> a);
        AsciiString responseType = AMZ_JSON.equals(contentType) ? AMZ_JSON_TYPE : JSON_TYPE;
        String acceptEncoding = lastAcceptEncoding(headers);
        if (answer.isDone() && !answer.isCompletedExceptionally()) { // most answers: encoded at once, without a stage and a lambda per request
            DynamoResponse ready = answer.join();
            return CompletableFuture.completedFuture(encoded(responseType, ready, acceptEncoding));
        }
        Function<DynamoResponse, Reply> toHttp = a -> encoded(responseType, a, acceptEncoding);
        // an answer that waits for the disk (or ran off the loop) is completed by another thread: the rest happens on the event loop
        return answer.isDone() ? answer.thenApply(toHttp) : answer.thenApplyAsync(toHttp, ctx.executor());
    }

    /** The request's last Accept-Encoding (the one the service reads), or null; most clients send none. */
    private static String lastAcceptEncoding(HttpHeaders headers) {
        if (!headers.contains(HttpHeaderNames.ACCEPT_ENCODING)) return null;
        List<String> accepted = headers.getAll(HttpHeaderNames.ACCEPT_ENCODING);
        return accepted.get(accepted.size() - 1);
    }

    private boolean isLight(String target, int bodyBytes) {
        if (bodyBytes > INLINE_BODY_BYTES || target == null || !target.startsWith(TARGET_PREFIX)) return false;
        String action = target.substring(TARGET_PREFIX.length());
        return LIGHT_ACTIONS.contains(action) || inMemory && action.equals("CreateTable");
    }

    /**
     * A request Netty could not read as HTTP (a garbage request line, a bad or repeated
     * Content-Length, a header line without a colon, a bad chunk size, a line or headers
     * over the limits): the decoder has stopped reading the connection, so it is answered
     * with a 4xx and closed, instead of being left open with nothing more to say.
     */
    private void refuseMalformed(ChannelHandlerContext ctx, Throwable cause) {
        HttpResponseStatus status = cause instanceof TooLongHttpLineException ? HttpResponseStatus.REQUEST_URI_TOO_LONG
                : cause instanceof TooLongHttpHeaderException ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
                : HttpResponseStatus.BAD_REQUEST;
        log().log(System.Logger.Level.DEBUG, "malformed HTTP request, answered " + status.code() + " and closed: " + cause);
        FullHttpResponse response = respond(status, TEXT_TYPE, EMPTY, RequestIds.next());
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .set(HttpHeaderNames.SERVER, SERVER_NAME).set(HttpHeaderNames.DATE, dates.now());
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    /** The first value of each query-string parameter, decoded; null when there is no query string. */
    private static Map<String, String> query(String uri) {
        if (uri.indexOf('?') < 0) return null;
        Map<String, String> query = new HashMap<>();
        try {
            new QueryStringDecoder(uri).parameters().forEach((name, values) -> query.put(name, values.isEmpty() ? "" : values.get(0)));
        } catch (IllegalArgumentException e) {
            // a bad %-escape: no parameters (only query-signed requests read them, and theirs then fails as unsigned), not a 500
            return Map.of();
        }
        return query;
    }

    /** The path of a request URI, without its query string. */
    private static String path(String uri) {
        int question = uri.indexOf('?');
        return question < 0 ? uri : uri.substring(0, question);
    }

    /** The service's health check at {@code GET /}: its text names the host the request was sent to, with one trailing space. */
    private static FullHttpResponse healthy(HttpHeaders headers) {
        String host = headers.get(HttpHeaderNames.HOST);
        byte[] body = ("healthy: " + (host == null || host.isBlank() ? DEFAULT_HOST : host.trim()) + " ").getBytes(StandardCharsets.UTF_8);
        return respond(HttpResponseStatus.OK, TEXT_TYPE, body, RequestIds.next());
    }

    /** An engine answer, compressed as the request's {@code Accept-Encoding} allows (its CRC32 is of the bytes sent). */
    private static Reply encoded(AsciiString contentType, DynamoResponse answer, String acceptEncoding) {
        ContentCoding coding = ContentCoding.negotiate(acceptEncoding, answer.body().length);
        if (coding == null) return new PlainAnswer(contentType, answer);
        FullHttpResponse response = respond(HttpResponseStatus.valueOf(answer.status()), contentType, coding.encode(answer.body()), answer.requestId());
        response.headers().set(HttpHeaderNames.CONTENT_ENCODING, coding.token);
        return new OwnResponse(response);
    }

    private static String baseType(String contentType) {
        if (contentType == null) return null;
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
    }

    private static FullHttpResponse notFound() {
        return respond(HttpResponseStatus.NOT_FOUND, XML_TYPE, NOT_FOUND, RequestIds.next());
    }

    /** @param contentType an {@link AsciiString} for the answers every client gets, a String from Dynabox's own paths */
    /** An answer of Dynabox's own paths: no other site may frame them (the console's buttons change data; its report is framed by the console itself). */
    private static FullHttpResponse ownPathAnswer(HttpResponseStatus status, CharSequence contentType, byte[] body) {
        FullHttpResponse response = respond(status, contentType, body, RequestIds.next());
        response.headers().set(X_FRAME_OPTIONS, SAME_ORIGIN).set(HttpHeaderNames.CONTENT_SECURITY_POLICY, FRAME_ANCESTORS_SELF);
        return response;
    }

    static FullHttpResponse respond(HttpResponseStatus status, CharSequence contentType, byte[] body, String requestId) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body),
                OWN_HEADERS, NO_TRAILERS);
        CRC32 crc = new CRC32();
        crc.update(body);
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .set(HttpHeaderNames.CONTENT_LENGTH, decimal(body.length))
                .set(REQUEST_ID, ascii(requestId))
                .set(CRC32_HEADER, decimal(crc.getValue()));
        return response;
    }

    /** A number of zero or more in decimal digits, written straight as the AsciiString's bytes (no String between). */
    static AsciiString decimal(long value) {
        int digits = AnswerBytes.digits(value);
        byte[] bytes = new byte[digits];
        for (int i = digits - 1; i >= 0; i--, value /= 10) bytes[i] = (byte) ('0' + value % 10);
        return new AsciiString(bytes, false);
    }

    /** An ASCII String as an AsciiString, made by the JDK's copy (Netty's own constructor copies it character by character). */
    private static AsciiString ascii(String text) {
        return new AsciiString(text.getBytes(StandardCharsets.US_ASCII), false);
    }

    /** Whether the request came from a browser page whose origin may read the answer: it then gets the CORS headers. */
    private boolean wantsCors(String origin) {
        return origin != null && allowsCors(origin);
    }

    private boolean allowsCors(String origin) {
        return corsOrigins.contains("*") || corsOrigins.contains(origin);
    }

    private FullHttpResponse preflight(HttpHeaders headers) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.EMPTY_BUFFER);
        response.headers()
                .setInt(HttpHeaderNames.CONTENT_LENGTH, 0)
                .set(REQUEST_ID, ascii(RequestIds.next()))
                .set(CRC32_HEADER, ZERO)
                .set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, "172800");
        String requestHeaders = headers.get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS);
        if (requestHeaders != null) response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, requestHeaders);
        String requestMethod = headers.get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_METHOD);
        if (requestMethod != null) response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, requestMethod);
        return response;
    }

    private void addCors(String origin, FullHttpResponse response) {
        if (!wantsCors(origin)) return;
        response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, corsOrigins.contains("*") ? "*" : origin);
        response.headers().set(HttpHeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS);
    }

    /**
     * Collects a request body up to {@code maxBytes}. A larger body (announced or streamed)
     * gets the service's 413 with an empty chunked body, and the connection is closed
     * rather than read to its end.
     */
    HttpObjectAggregator aggregator(int maxBytes) {
        return new HttpObjectAggregator(maxBytes) {
            @Override
            protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
                HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE);
                HttpUtil.setTransferEncodingChunked(response, true);
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                        .set(HttpHeaderNames.SERVER, SERVER_NAME).set(HttpHeaderNames.DATE, dates.now())
                        .set(REQUEST_ID, ascii(RequestIds.next())).set(CRC32_HEADER, ZERO);
                ctx.write(response);
                ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE);
            }
        };
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log().log(System.Logger.Level.DEBUG, "connection closed after an error", cause);
        ctx.close();
    }

    /** Fetched when there is something to say: finding the platform's logger costs start-up time. */
    private static System.Logger log() {
        return System.getLogger(HttpDoor.class.getName());
    }
}
