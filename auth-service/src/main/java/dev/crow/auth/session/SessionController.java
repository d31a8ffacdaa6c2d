package dev.crow.auth.session;

import dev.crow.auth.WireNull;
import dev.crow.auth.account.Users;
import dev.crow.auth.account.UserView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** get-session and sign-out. */
@RestController
@RequestMapping("/api/v1/auth")
class SessionController {

    private final Sessions sessions;
    private final Users users;

    SessionController(Sessions sessions, Users users) {
        this.sessions = sessions;
        this.users = users;
    }

    /** 200 {@code {session, user}}, or 200 {@code null} when the request has no valid session (not 401). */
    @GetMapping("/get-session")
    ResponseEntity<Object> getSession(HttpServletRequest request, HttpServletResponse response) {
        Optional<SessionState> found = sessions.find(request);
        if (found.isEmpty()) {
            return WireNull.ok();
        }
        SessionState session = found.get();
        return users.find(session.userId())
                .<ResponseEntity<Object>>map(user -> {
                    sessions.keepCookieFresh(session, request, response);
                    return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                            .body(new SessionResponse(SessionView.of(session), UserView.of(user)));
                })
                .orElseGet(WireNull::ok);
    }

    /** Always succeeds: the session (if any) is deleted and the cookie expired. */
    @PostMapping("/sign-out")
    Map<String, Boolean> signOut(HttpServletRequest request, HttpServletResponse response) {
        sessions.find(request).ifPresent(sessions::end);
        sessions.expireCookie(response);
        return Map.of("success", true);
    }

    record SessionResponse(SessionView session, UserView user) {
    }
}
