package dev.crow.platform.error;

/**
 * What kind of failure an error is, independent of any transport. The starter's advice maps
 * each kind to one HTTP status and a default platform error code (DESIGN.md §4).
 */
public enum ErrorKind {
    VALIDATION(400, "VALIDATION_ERROR"),
    UNAUTHORIZED(401, "UNAUTHORIZED"),
    FORBIDDEN(403, "FORBIDDEN"),
    NOT_FOUND(404, "NOT_FOUND"),
    METHOD_NOT_ALLOWED(405, "METHOD_NOT_ALLOWED"),
    CONFLICT(409, "CONFLICT"),
    PAYLOAD_TOO_LARGE(413, "PAYLOAD_TOO_LARGE"),
    UNSUPPORTED_MEDIA_TYPE(415, "UNSUPPORTED_MEDIA_TYPE"),
    UNPROCESSABLE(422, "UNPROCESSABLE_ENTITY"),
    RATE_LIMITED(429, "RATE_LIMIT_EXCEEDED"),
    INTERNAL(500, "INTERNAL_ERROR"),
    UPSTREAM_UNAVAILABLE(503, "UPSTREAM_UNAVAILABLE");

    private final int status;
    private final String defaultCode;

    ErrorKind(int status, String defaultCode) {
        this.status = status;
        this.defaultCode = defaultCode;
    }

    public int status() {
        return status;
    }

    public String defaultCode() {
        return defaultCode;
    }
}
