package dev.crow.platform.security;

import dev.crow.platform.config.CrowPlatformProperties;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.ProtectedHeader;
import java.security.Key;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an internal JWT into a {@link CallerContext}: EdDSA signature against a published key,
 * issuer, audience and expiry. Anything else (unsigned, other algorithms, unknown key, wrong
 * issuer) is not a caller.
 */
public class InternalJwtVerifier {

    private final JwtParser parser;

    public InternalJwtVerifier(JwksSource keys, CrowPlatformProperties.Jwt settings) {
        this.parser = Jwts.parser()
                .keyLocator(new KeyById(keys))
                .requireIssuer(settings.issuer())
                .requireAudience(settings.audience())
                .clockSkewSeconds(settings.clockSkew().toSeconds())
                .build();
    }

    /** The caller the token speaks for, or empty when it is not a valid internal JWT. */
    public Optional<CallerContext> verify(String token) {
        try {
            Claims claims = parser.parseSignedClaims(token).getPayload();
            if (claims.getExpiration() == null || claims.getSubject() == null) {
                return Optional.empty();
            }
            return Optional.of(toCaller(claims));
        } catch (JwtException | IllegalArgumentException e) {
            return Optional.empty();
        }
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
