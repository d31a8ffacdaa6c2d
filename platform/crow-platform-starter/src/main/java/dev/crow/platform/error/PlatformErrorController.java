package dev.crow.platform.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers what the servlet container forwards to {@code /error} (failures outside Spring MVC,
 * such as an oversized request rejected by Tomcat) in the platform error body instead of
 * Spring Boot's default page.
 */
@RestController
class PlatformErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ErrorBody> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : 500;
        ErrorKind kind = kindOf(status);
        String message = switch (kind) {
            case NOT_FOUND -> "Not found";
            case UNAUTHORIZED -> "Authentication required";
            case FORBIDDEN -> "Forbidden";
            case PAYLOAD_TOO_LARGE -> "Payload too large";
            case METHOD_NOT_ALLOWED -> "Method not allowed";
            case UNSUPPORTED_MEDIA_TYPE -> "Unsupported content type";
            case INTERNAL -> "Internal server error";
            default -> ErrorBody.INVALID_PARAMETERS;
        };
        return PlatformExceptionHandler.body(kind, kind.defaultCode(), message);
    }

    private static ErrorKind kindOf(int status) {
        for (ErrorKind kind : ErrorKind.values()) {
            if (kind.status() == status) {
                return kind;
            }
        }
        return status >= 500 ? ErrorKind.INTERNAL : ErrorKind.VALIDATION;
    }
}
