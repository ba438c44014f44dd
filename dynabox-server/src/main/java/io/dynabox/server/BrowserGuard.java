package io.dynabox.server;

import io.dynabox.server.console.Console;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Keeps web pages other than the console away from Dynabox's own paths (the admin door, the
 * console, /metrics), which change and show every namespace's data. A page on another origin
 * can send a form or a {@code text/plain} POST that needs no preflight; such a request carries
 * the page's {@code Origin}, which must be the server's own or one {@code --cors} allows. A page
 * whose name was rebound to 127.0.0.1 (DNS rebinding) is of the server's origin but names its own
 * host: a server listening on loopback answers its own paths only for a {@code Host} of
 * localhost or an address. And with {@code --console-read-only}, nothing a browser sends to the
 * admin door changes state: the console's simulation tab goes through it. Tools and SDKs send no
 * {@code Origin} and are never refused here.
 */
final class BrowserGuard {
    private final Predicate<String> corsAllows;
    private final boolean loopbackOnly;
    private final boolean consoleReadOnly;

    BrowserGuard(Predicate<String> corsAllows, String boundHost, boolean consoleReadOnly) {
        this.corsAllows = corsAllows;
        this.loopbackOnly = isLoopback(boundHost);
        this.consoleReadOnly = consoleReadOnly;
    }

    /** Why the request is refused (403), or null when it may go on. */
    String refusal(FullHttpRequest request) {
        HttpHeaders headers = request.headers();
        String host = headers.get(HttpHeaderNames.HOST);
        if (loopbackOnly && host != null && !isLocalName(hostName(host))) {
            return "Dynabox listens on loopback and answers its own paths only for a Host of localhost or an address, not "
                    + host + " (a page whose name points at this machine must not reach them)";
        }
        String origin = headers.get(HttpHeaderNames.ORIGIN);
        if (origin != null && !sameOrigin(origin, host) && !corsAllows.test(origin)) {
            return "a web page of " + origin + " may not use Dynabox's own paths; start Dynabox with --cors " + origin + " to allow it";
        }
        boolean fromBrowser = origin != null || headers.contains("Sec-Fetch-Site");
        boolean changes = !request.method().equals(HttpMethod.GET) && !request.method().equals(HttpMethod.HEAD);
        if (consoleReadOnly && fromBrowser && changes && !request.uri().startsWith(Console.PATH)) {
            return "the console is read-only (--console-read-only): " + request.method() + " " + pathOf(request.uri()) + " is not allowed from a browser";
        }
        return null;
    }

    private static boolean sameOrigin(String origin, String host) {
        if (host == null) return false;
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null) return false; // "null": a sandboxed frame or a file
            int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
            return (uri.getHost() + ":" + port).equalsIgnoreCase(host.contains(":") && !host.endsWith("]") ? host : host + ":80");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The host name of a Host header, without its port; an IPv6 literal keeps its brackets. */
    private static String hostName(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    /** localhost, a name under .localhost (which resolves to loopback), or an address (which no rebinding can point elsewhere). */
    private static boolean isLocalName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("localhost") || lower.endsWith(".localhost")) return true;
        if (lower.startsWith("[")) return true;
        return lower.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private static boolean isLoopback(String boundHost) {
        if (boundHost == null) return false;
        try {
            return InetAddress.getByName(boundHost).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String pathOf(String uri) {
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }
}
