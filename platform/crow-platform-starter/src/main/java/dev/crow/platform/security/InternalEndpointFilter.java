package dev.crow.platform.security;

import dev.crow.platform.error.ErrorKind;
import dev.crow.platform.error.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards {@code /internal/**}: only callers presenting the shared service key get through, and
 * they act as {@link CallerContext#service()}. The comparison takes the same time for every key.
 */
class InternalEndpointFilter extends OncePerRequestFilter {

    static final String SERVICE_KEY_HEADER = "X-Service-API-Key";

    private final byte[] serviceKey;

    InternalEndpointFilter(String serviceKey) {
        this.serviceKey = serviceKey.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !isInternal(request);
    }

    static boolean isInternal(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/internal") || path.startsWith("/internal/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(SERVICE_KEY_HEADER);
        if (presented == null
                || !MessageDigest.isEqual(serviceKey, presented.getBytes(StandardCharsets.UTF_8))) {
            ErrorResponses.write(response, ErrorKind.UNAUTHORIZED, "Service key required");
            return;
        }
        JwtAuthenticationFilter.authenticate(CallerContext.service());
        chain.doFilter(request, response);
    }
}
