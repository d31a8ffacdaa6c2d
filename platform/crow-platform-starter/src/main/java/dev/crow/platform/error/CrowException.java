package dev.crow.platform.error;

/**
 * The one exception type domain code throws for failures a client can cause. It knows the
 * kind of failure and a stable code, never an HTTP status: the starter's advice does the mapping.
 */
public class CrowException extends RuntimeException {

    private final ErrorKind kind;
    private final String code;

    public CrowException(ErrorKind kind, String message) {
        this(kind, kind.defaultCode(), message);
    }

    public CrowException(ErrorKind kind, String code, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
    }

    public ErrorKind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public static CrowException notFound(String what) {
        return new CrowException(ErrorKind.NOT_FOUND, what + " not found");
    }

    public static CrowException forbidden(String message) {
        return new CrowException(ErrorKind.FORBIDDEN, message);
    }

    public static CrowException invalid(String field) {
        return new CrowException(ErrorKind.VALIDATION, ErrorBody.INVALID_PARAMETERS + ": " + field);
    }

    public static CrowException conflict(String message) {
        return new CrowException(ErrorKind.CONFLICT, message);
    }

    public static CrowException unauthorized() {
        return new CrowException(ErrorKind.UNAUTHORIZED, "Authentication required");
    }
}
