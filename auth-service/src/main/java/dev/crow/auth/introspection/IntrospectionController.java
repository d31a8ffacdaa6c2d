package dev.crow.auth.introspection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.crow.auth.apikey.ApiKeyCheck;
import dev.crow.auth.apikey.ApiKeys;
import dev.crow.auth.session.Sessions;
import dev.crow.auth.signing.InternalTokens;
import dev.crow.platform.error.CrowException;
import dev.crow.platform.error.ErrorKind;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Internal: the gateway asks who a client credential speaks for and gets the principal plus
 * an internal JWT for it. Unknown, expired, revoked and badly signed credentials all get the
 * same 401. The platform guards {@code /internal/**} with the service key.
 */
@RestController
class IntrospectionController {

    private final Sessions sessions;
    private final ApiKeys apiKeys;
    private final Principals principals;

    IntrospectionController(Sessions sessions, ApiKeys apiKeys, Principals principals) {
        this.sessions = sessions;
        this.apiKeys = apiKeys;
        this.principals = principals;
    }

    @PostMapping("/internal/auth/introspect")
    IntrospectionResponse introspect(@RequestBody IntrospectionRequest body) {
        if (body.type() == null) {
            throw CrowException.invalid("type");
        }
        if (body.credential() == null || body.credential().isBlank()) {
            throw CrowException.invalid("credential");
        }
        String credential = body.credential().strip();
        Optional<Principal> principal = switch (body.type()) {
            case "cookie" -> sessions.fromSignedValue(credential).map(principals::ofSession);
            case "bearer" -> credential.startsWith("crow_") ? ofApiKey(credential)
                    : sessions.fromBearer(credential).map(principals::ofSession);
            case "api_key" -> ofApiKey(credential);
            default -> throw CrowException.invalid("type");
        };
        Principal found = principal.orElseThrow(() ->
                new CrowException(ErrorKind.UNAUTHORIZED, "Invalid or expired credential"));
        InternalTokens.MintedToken jwt = principals.jwt(found, Map.of());
        return new IntrospectionResponse(found, jwt.jwt(), jwt.expiresAt().getEpochSecond());
    }

    private Optional<Principal> ofApiKey(String key) {
        ApiKeyCheck check = apiKeys.verify(key);
        return check.valid() ? principals.ofApiKey(check.key()) : Optional.empty();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record IntrospectionRequest(String type, String credential) {
    }

    record IntrospectionResponse(Principal principal, String jwt, long jwtExpiresAt) {
    }
}
