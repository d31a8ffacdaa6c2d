package dev.crow.auth.origin;

import dev.crow.platform.error.CrowException;
import dev.crow.platform.error.ErrorKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Better Auth's origin check. A state-changing call that carries cookies must come from a
 * trusted Origin (or Referer), else a forged form on another site could ride the session
 * cookie. A call without cookies that still looks like a browser's (Origin, Referer or
 * Sec-Fetch-* headers) is held to the same rule, which stops login CSRF on sign-in/sign-up;
 * plain server-to-server calls carry none of these headers and pass.
 */
class OriginCheckInterceptor implements HandlerInterceptor {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final TrustedOrigins trustedOrigins;

    OriginCheckInterceptor(TrustedOrigins trustedOrigins) {
        this.trustedOrigins = trustedOrigins;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return true;
        }
        boolean hasCookies = request.getHeader("Cookie") != null;
        if (!hasCookies && !looksLikeBrowser(request)) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null || origin.isBlank() || "null".equals(origin)) {
            origin = request.getHeader("Referer");
        }
        if (origin == null || origin.isBlank() || "null".equals(origin)) {
            throw new CrowException(ErrorKind.FORBIDDEN, "MISSING_OR_NULL_ORIGIN", "Missing or null Origin");
        }
        if (!trustedOrigins.isTrusted(origin)) {
            throw new CrowException(ErrorKind.FORBIDDEN, "INVALID_ORIGIN", "Invalid origin");
        }
        return true;
    }

    private static boolean looksLikeBrowser(HttpServletRequest request) {
        return request.getHeader("Origin") != null
                || request.getHeader("Referer") != null
                || request.getHeader("Sec-Fetch-Site") != null
                || request.getHeader("Sec-Fetch-Mode") != null
                || request.getHeader("Sec-Fetch-Dest") != null;
    }
}
