package dev.crow.platform.error;

import dev.crow.platform.web.RequestIds;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;

/**
 * Writes the platform error body straight to a servlet response, for the places that run before
 * Spring MVC (security filters). Everything inside MVC goes through {@link PlatformExceptionHandler}.
 */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    public static void write(HttpServletResponse response, ErrorKind kind, String code, String message)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(kind.status());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(toJson(ErrorBody.of(code, message, RequestIds.current())));
    }

    public static void write(HttpServletResponse response, ErrorKind kind, String message) throws IOException {
        write(response, kind, kind.defaultCode(), message);
    }

    /** Hand-written so filters need no object mapper; every value is escaped. */
    static String toJson(ErrorBody body) {
        return "{\"error\":" + quote(body.error()) + ",\"code\":" + quote(body.code()) + ",\"message\":"
                + quote(body.message()) + ",\"requestId\":" + quote(body.requestId()) + "}";
    }

    private static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
