package dev.crow.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.crow.platform.config.CrowPlatformProperties;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.ProtectedHeader;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an internal JWT into a {@link CallerContext}: EdDSA signature against a published key,
 * issuer, audience and expiry. Anything else (unsigned, other algorithms, unknown key, wrong
 * issuer) is not a caller.
 * <p>
 * Verified tokens are remembered until they expire (bounded in number): the gateway sends the same
 * JWT for as long as it caches a principal, so most requests skip the signature check, which costs
 * hundreds of microseconds of CPU on older JDKs. A remembered token is exactly the string that was
 * verified, so nothing unverified can match it; it stops being accepted at its expiry (plus the
 * allowed clock skew) like any other. Failures are never remembered.
 */
public class InternalJwtVerifier {

    private static final int MAX_REMEMBERED = 10_000;

    private final JwtParser parser;
    private final Clock clock;
    private final long skewMillis;
    private final Cache<String, Verified> verified;

    public InternalJwtVerifier(JwksSource keys, CrowPlatformProperties.Jwt settings) {
        this(keys, settings, Clock.systemUTC());
    }

    InternalJwtVerifier(JwksSource keys, CrowPlatformProperties.Jwt settings, Clock clock) {
        this.clock = clock;
        this.skewMillis = settings.clockSkew().toMillis();
        this.parser = Jwts.parser()
                .keyLocator(new KeyById(keys))
                .requireIssuer(settings.issuer())
                .requireAudience(settings.audience())
                .clockSkewSeconds(settings.clockSkew().toSeconds())
                .clock(() -> Date.from(clock.instant()))
                .build();
        this.verified = Caffeine.newBuilder()
                .maximumSize(MAX_REMEMBERED)
                // internal JWTs live minutes; the bound only keeps a long-lived one from staying forever
                .expireAfterWrite(Duration.ofMinutes(15))
                .build();
    }

    /** The caller the token speaks for, or empty when it is not a valid internal JWT. */
    public Optional<CallerContext> verify(String token) {
        Verified known = verified.getIfPresent(token);
        if (known != null) {
            if (clock.millis() < known.validUntilMillis()) {
                return Optional.of(known.caller());
            }
            verified.invalidate(token);
        }
        try {
            Claims claims = parser.parseSignedClaims(token).getPayload();
            if (claims.getExpiration() == null || claims.getSubject() == null) {
                return Optional.empty();
            }
            CallerContext caller = toCaller(claims);
            verified.put(token, new Verified(caller, claims.getExpiration().getTime() + skewMillis));
            return Optional.of(caller);
        } catch (JwtException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** How many verified tokens are remembered now (for tests). */
    long remembered() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    private record Verified(CallerContext caller, long validUntilMillis) {
    }

    private static CallerContext toCaller(Claims claims) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        Object perms = claims.get("perms");
        if (perms instanceof Collection<?> names) {
            for (Object name : names) {
                Permission.fromWireName(String.valueOf(name)).ifPresent(permissions::add);
            }
        }
        String method = claims.get("amr", String.class);
        AuthMethod authMethod = method == null ? AuthMethod.SESSION : AuthMethod.fromClaim(method);
        if (authMethod == AuthMethod.SERVICE) {
            throw new IllegalArgumentException("service identity cannot come from a JWT");
        }
        return new CallerContext(
                claims.getSubject(),
                claims.get("org", String.class),
                claims.get("role", String.class),
                permissions,
                claims.get("tier", String.class),
                authMethod,
                claims.get("akid", String.class));
    }

    private static final class KeyById extends LocatorAdapter<Key> {

        private final JwksSource keys;

        KeyById(JwksSource keys) {
            this.keys = keys;
        }

        @Override
        protected Key locate(ProtectedHeader header) {
            if (!"EdDSA".equals(header.getAlgorithm()) || header.getKeyId() == null) {
                throw new io.jsonwebtoken.security.UnsupportedKeyException("only EdDSA tokens with a kid are accepted");
            }
            return keys.key(header.getKeyId())
                    .orElseThrow(() -> new io.jsonwebtoken.security.InvalidKeyException("unknown signing key"));
        }
    }
}
