package io.dynabox.sdk;

/** A request sent with {@link DynaboxNamespace#call} got an error answer; the message holds the answer's body. */
public final class DynaboxRequestException extends RuntimeException {
    private final int status;
    private final String body;

    public DynaboxRequestException(String action, int status, String body) {
        super(action + " failed with HTTP " + status + ": " + body);
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    /** The error's JSON body: {@code __type} and {@code message}. */
    public String body() {
        return body;
    }
}
