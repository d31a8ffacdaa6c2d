package dev.crow.auth.signing;

import dev.crow.auth.AuthClock;
import dev.crow.auth.AuthProperties;
import dev.crow.platform.config.CrowPlatformProperties;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Mints the platform's internal JWTs: EdDSA with the ring's current key, header
 * {@code {alg, kid}}, issuer and audience from {@code crow.platform.jwt}, lifetime
 * {@code crow.auth.jwt-ttl}. Callers add the claims of docs/platform-contracts.md.
 */
@Component
public class InternalTokens {

    private final SigningKeyRing ring;
    private final AuthClock clock;
    private final Duration ttl;
    private final String issuer;
    private final String audience;

    InternalTokens(SigningKeyRing ring, AuthClock clock, AuthProperties properties, CrowPlatformProperties platform) {
        this.ring = ring;
        this.clock = clock;
        this.ttl = properties.jwtTtl();
        this.issuer = platform.jwt().issuer();
        this.audience = platform.jwt().audience();
    }

    /** A token, with its expiry. */
    public record MintedToken(String jwt, Instant expiresAt) {
    }

    /** Signs {@code claims} (null values are left out) for {@code subject}. */
    public MintedToken mint(String subject, Map<String, ?> claims) {
        SigningKeyRing.CurrentKey key = ring.current();
        Instant issuedAt = clock.now();
        Instant expiresAt = issuedAt.plus(ttl);
        JwtBuilder builder = Jwts.builder()
                .header().keyId(key.kid()).and()
                .issuer(issuer)
                .audience().add(audience).and()
                .subject(subject)
                .issuedAt(Date.from(issuedAt))
                .expiration(Date.from(expiresAt))
                .id(UUID.randomUUID().toString());
        claims.forEach((name, value) -> {
            if (value != null) {
                builder.claim(name, value);
            }
        });
        return new MintedToken(builder.signWith(key.privateKey(), Jwts.SIG.EdDSA).compact(), expiresAt);
    }
}
