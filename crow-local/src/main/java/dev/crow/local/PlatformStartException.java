package dev.crow.local;

import java.util.List;

/** A service (or the database) did not become ready; everything already started has been stopped. */
public class PlatformStartException extends Exception {

    private final String service;
    private final String reason;
    private final List<String> logTail;

    public PlatformStartException(String service, String reason, List<String> logTail) {
        super(service + ": " + reason);
        this.service = service;
        this.reason = reason;
        this.logTail = List.copyOf(logTail);
    }

    public String service() {
        return service;
    }

    public String reason() {
        return reason;
    }

    /** The last lines the service logged, for showing next to the failure. */
    public List<String> logTail() {
        return logTail;
    }
}
