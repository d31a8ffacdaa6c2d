package dev.crow.auth.session;

import dev.crow.platform.error.CrowException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Finds the session a request presents and starts or ends sessions. A request may present it
 * as the signed cookie or, like Better Auth's bearer plugin, as
 * {@code Authorization: Bearer <token>} or {@code Bearer <token.signature>}.
 */
@Component
public class Sessions {

    private static final String API_KEY_PREFIX = "crow_";

    private final SessionStore store;
    private final SessionCookies cookies;

    Sessions(SessionStore store, SessionCookies cookies) {
        this.store = store;
        this.cookies = cookies;
    }

    public SessionState start(UUID userId, HttpServletRequest request, HttpServletResponse response) {
        SessionState session = store.create(userId, ClientInfo.of(request));
        cookies.write(response, session.token());
        String signed = cookies.sign(session.token());
        response.setHeader("set-auth-token", signed);
        response.setHeader("Access-Control-Expose-Headers", "set-auth-token");
        return session;
    }

    /** The request's session, if it presents a valid one (bearer first, then the cookie). */
    public Optional<SessionState> find(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<SessionState> bearer = fromBearer(authorization.substring(7).strip());
            if (bearer.isPresent()) {
                return bearer;
            }
        }
        for (String value : cookies.read(request)) {
            Optional<SessionState> session = fromSignedValue(value);
            if (session.isPresent()) {
                return session;
            }
        }
        return Optional.empty();
    }

    /** The request's session, or 401 {@code UNAUTHORIZED}. */
    public SessionState require(HttpServletRequest request) {
        return find(request).orElseThrow(CrowException::unauthorized);
    }

    /** Re-sends the cookie when using the session pushed its expiry forward. */
    public void keepCookieFresh(SessionState session, HttpServletRequest request, HttpServletResponse response) {
        if (session.refreshed() && !cookies.read(request).isEmpty()) {
            cookies.write(response, session.token());
        }
    }

    /** A signed {@code token.signature} (cookie value, URL-encoded or not); unsigned values are refused. */
    public Optional<SessionState> fromSignedValue(String value) {
        return cookies.unsign(value).flatMap(store::find);
    }

    /** A bearer session token: signed, or raw as Better Auth's bearer plugin also allows. */
    public Optional<SessionState> fromBearer(String value) {
        if (value == null || value.isEmpty() || value.startsWith(API_KEY_PREFIX)) {
            return Optional.empty();
        }
        if (value.indexOf('.') >= 0 || value.indexOf('%') >= 0) {
            return fromSignedValue(value);
        }
        return store.find(value);
    }

    public void end(SessionState session) {
        store.delete(session.id());
    }

    public void expireCookie(HttpServletResponse response) {
        cookies.expire(response);
    }

    public void setActiveOrganization(SessionState session, UUID organizationId) {
        store.activate(session.id(), organizationId);
    }

    /** Signs the user out everywhere, e.g. after a password reset. */
    public int endAllOf(UUID userId) {
        return store.deleteAllOf(userId);
    }
}
