package dev.crow.product.fetch;

/** Why a fetch did not produce a response. The message is safe to show to the job's owner. */
public class FetchException extends Exception {

    public enum Reason {
        /** The URL is malformed or uses something other than http(s) on an allowed port. */
        INVALID_URL,
        /** The host or one of its addresses is private, internal or otherwise off limits. */
        BLOCKED_TARGET,
        UNRESOLVABLE_HOST,
        TOO_MANY_REDIRECTS,
        TOO_LARGE,
        TIMEOUT,
        PROTOCOL_ERROR,
        CONNECTION_FAILED
    }

    private final Reason reason;

    public FetchException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
