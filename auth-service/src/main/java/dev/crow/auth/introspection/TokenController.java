package dev.crow.auth.introspection;

import dev.crow.auth.account.Users;
import dev.crow.auth.session.SessionState;
import dev.crow.auth.session.Sessions;
import dev.crow.platform.error.CrowException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Better Auth jwt plugin's {@code /token}: the session's internal JWT, with the user's email added. */
@RestController
class TokenController {

    private final Sessions sessions;
    private final Principals principals;
    private final Users users;

    TokenController(Sessions sessions, Principals principals, Users users) {
        this.sessions = sessions;
        this.principals = principals;
        this.users = users;
    }

    @GetMapping("/api/v1/auth/token")
    ResponseEntity<Map<String, String>> token(HttpServletRequest request) {
        SessionState session = sessions.require(request);
        String email = users.find(session.userId()).orElseThrow(CrowException::unauthorized).getEmail();
        Principal principal = principals.ofSession(session);
        String jwt = principals.jwt(principal, Map.of("email", email)).jwt();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("token", jwt));
    }
}
