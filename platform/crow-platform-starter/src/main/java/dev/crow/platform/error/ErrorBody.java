package dev.crow.platform.error;

/**
 * The platform's error body (DESIGN.md §4). {@code error} and {@code message} carry the same
 * human-readable text: API clients read the first, Better Auth clients the second.
 */
public record ErrorBody(String error, String code, String message, String requestId) {

    public static final String INVALID_PARAMETERS = "Invalid request parameters";

    public static ErrorBody of(String code, String message, String requestId) {
        return new ErrorBody(message, code, message, requestId);
    }
}
