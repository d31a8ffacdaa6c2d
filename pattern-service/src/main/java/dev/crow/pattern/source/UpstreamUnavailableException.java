package dev.crow.pattern.source;

/** interaction-service could not be reached or answered with an error; worth retrying later. */
public class UpstreamUnavailableException extends RuntimeException {

    public UpstreamUnavailableException(String message) {
        super(message, null, false, false);
    }
}
