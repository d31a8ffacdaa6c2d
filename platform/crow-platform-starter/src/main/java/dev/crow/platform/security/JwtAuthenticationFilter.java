package dev.crow.platform.security;

import dev.crow.platform.error.ErrorKind;
import dev.crow.platform.error.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates requests that carry the gateway's internal JWT. A token that fails verification
 * is a 401 at once; an {@code X-Organization-Id} that disagrees with the token is a 403. Public
 * paths are left alone: their {@code Authorization} header may be a client credential meant for
 * the service itself (auth-service's sessions).
 */
class JwtAuthenticationFilter extends OncePerRequestFilter {

    static final String ORGANIZATION_HEADER = "X-Organization-Id";

    private final InternalJwtVerifier verifier;
    private final RequestMatcher skip;

    JwtAuthenticationFilter(InternalJwtVerifier verifier, RequestMatcher skip) {
        this.verifier = verifier;
        this.skip = skip;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return skip.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<CallerContext> caller = verifier.verify(header.substring(7).trim());
        if (caller.isEmpty()) {
            ErrorResponses.write(response, ErrorKind.UNAUTHORIZED, "Invalid or expired token");
            return;
        }
        String claimedOrganization = request.getHeader(ORGANIZATION_HEADER);
        if (claimedOrganization != null && !claimedOrganization.equals(caller.get().organizationId())) {
            ErrorResponses.write(response, ErrorKind.FORBIDDEN, "X-Organization-Id does not match the caller");
            return;
        }
        authenticate(caller.get());
        chain.doFilter(request, response);
    }

    static void authenticate(CallerContext caller) {
        var authorities = caller.permissions().stream()
                .map(p -> new SimpleGrantedAuthority("PERM_" + p.wireName()))
                .toList();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(caller, null, List.copyOf(authorities));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
    }
}
