package dev.crow.gateway.error;

import org.springframework.http.HttpStatus;

/** The platform error codes the gateway answers with (DESIGN.md §4), each with its status. */
public enum ErrorCode {
    VALIDATION_ERROR(HttpStatus.BAD_REQUEST),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED),
    FORBIDDEN(HttpStatus.FORBIDDEN),
    NOT_FOUND(HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
    PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE),
    RATE_LIMIT_EXCEEDED(HttpStatus.TOO_MANY_REQUESTS),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR),
    BAD_GATEWAY(HttpStatus.BAD_GATEWAY, "UPSTREAM_UNAVAILABLE"),
    UPSTREAM_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE);

    private final HttpStatus status;
    private final String wireName;

    ErrorCode(HttpStatus status) {
        this.status = status;
        this.wireName = name();
    }

    ErrorCode(HttpStatus status, String wireName) {
        this.status = status;
        this.wireName = wireName;
    }

    public HttpStatus status() {
        return status;
    }

    /** The value of the body's {@code code} field. */
    public String wireName() {
        return wireName;
    }
}
