package dev.crow.test;

import dev.crow.platform.security.CallerContext;
import dev.crow.platform.security.JwksSource;
import dev.crow.platform.security.Permission;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Mints internal JWTs the way auth-service does (docs/platform-contracts.md): EdDSA over an
 * Ed25519 key, {@code kid} header, issuer {@code crow-auth}, audience {@code crow-platform} and
 * the caller claims. It also publishes its public key as a {@link JwksSource} and as a JWKS
 * document, and mints the broken tokens security tests need (expired, wrong key, {@code alg:none},
 * wrong issuer or audience).
 *
 * <p>{@link #shared()} is one key per test JVM, so a Spring context's {@code JwksSource} bean and
 * the test that calls it agree without wiring.
 */
public final class TestJwts {

    public static final String ISSUER = "crow-auth";
    public static final String AUDIENCE = "crow-platform";
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);

    private static final TestJwts SHARED = new TestJwts();
    private static final Set<String> TYPED_CLAIMS = Set.of("iat", "exp", "aud");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keyPair;
    private final String kid;

    public TestJwts() {
        this.keyPair = generateKeyPair();
        this.kid = "test-" + UUID.randomUUID();
    }

    public static TestJwts shared() {
        return SHARED;
    }

    public String kid() {
        return kid;
    }

    public PublicKey publicKey() {
        return keyPair.getPublic();
    }

    /** The starter's key lookup, answering this generator's key for its {@code kid} only. */
    public JwksSource jwksSource() {
        PublicKey publicKey = keyPair.getPublic();
        String ownKid = kid;
        return requested -> ownKid.equals(requested) ? Optional.of(publicKey) : Optional.empty();
    }

    /** The JWKS document auth-service would publish for this key, for tests that serve it over HTTP. */
    public String jwksJson() {
        return "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + publicKeyX(keyPair.getPublic())
                + "\",\"alg\":\"EdDSA\",\"kid\":\"" + kid + "\",\"use\":\"sig\"}]}";
    }

    /** A valid token for {@code caller} with the default TTL of five minutes. */
    public String mint(CallerContext caller) {
        return token(caller).mint();
    }

    public String mint(CallerContext caller, Duration ttl) {
        return token(caller).ttl(ttl).mint();
    }

    /** A correctly signed token whose {@code exp} passed ten minutes ago. */
    public String expired(CallerContext caller) {
        Instant issuedAt = Instant.now().minus(Duration.ofMinutes(15));
        return token(caller).issuedAt(issuedAt).ttl(DEFAULT_TTL).mint();
    }

    /** A token claiming this generator's {@code kid} but signed by a different Ed25519 key. */
    public String signedWithWrongKey(CallerContext caller) {
        return token(caller).signingKey(generateKeyPair().getPrivate()).mint();
    }

    /** The same claims with header {@code alg:none} and an empty signature. */
    public String unsigned(CallerContext caller) {
        return token(caller).mintUnsigned();
    }

    /** A builder for tokens that differ from a valid one in chosen ways. */
    public Token token(CallerContext caller) {
        return new Token(caller);
    }

    /** One token being assembled; every setter returns this builder. */
    public final class Token {

        private final CallerContext caller;
        private final Map<String, Object> extraClaims = new LinkedHashMap<>();
        private final Set<String> removedClaims = new HashSet<>();
        private String issuer = ISSUER;
        private String audience = AUDIENCE;
        private Duration ttl = DEFAULT_TTL;
        private Instant issuedAt;
        private String tokenKid = kid;
        private PrivateKey signingKey = keyPair.getPrivate();

        private Token(CallerContext caller) {
            this.caller = caller;
        }

        public Token issuer(String value) {
            this.issuer = value;
            return this;
        }

        public Token audience(String value) {
            this.audience = value;
            return this;
        }

        public Token ttl(Duration value) {
            this.ttl = value;
            return this;
        }

        public Token issuedAt(Instant value) {
            this.issuedAt = value;
            return this;
        }

        public Token kid(String value) {
            this.tokenKid = value;
            return this;
        }

        public Token signingKey(PrivateKey value) {
            this.signingKey = value;
            return this;
        }

        /** Adds or replaces a claim, e.g. a forged {@code org}. */
        public Token claim(String name, Object value) {
            extraClaims.put(name, value);
            removedClaims.remove(name);
            return this;
        }

        /** Leaves a claim out, e.g. {@code exp} or {@code sub}. */
        public Token without(String name) {
            removedClaims.add(name);
            extraClaims.remove(name);
            return this;
        }

        public String mint() {
            return builder().signWith(signingKey, Jwts.SIG.EdDSA).compact();
        }

        public String mintUnsigned() {
            String[] signed = mint().split("\\.");
            String header = "{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + tokenKid + "\"}";
            return BASE64URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "." + signed[1] + ".";
        }

        private JwtBuilder builder() {
            Instant issued = issuedAt == null ? Instant.now() : issuedAt;
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("iss", issuer);
            claims.put("aud", audience);
            claims.put("sub", caller.userId());
            claims.put("iat", issued.getEpochSecond());
            claims.put("exp", issued.plus(ttl).getEpochSecond());
            claims.put("jti", UUID.randomUUID().toString());
            claims.put("org", caller.organizationId());
            claims.put("role", caller.organizationId() == null ? null : caller.role());
            claims.put("perms", caller.permissions().stream().map(Permission::wireName).sorted().toList());
            claims.put("tier", caller.tier());
            claims.put("amr", caller.authMethod() == null ? null : caller.authMethod().claim());
            claims.put("akid", caller.apiKeyId());
            claims.putAll(extraClaims);
            removedClaims.forEach(claims::remove);

            JwtBuilder builder = Jwts.builder().header().keyId(tokenKid).and();
            // jjwt wants dates and a single audience through its typed setters
            claims.forEach((name, value) -> {
                if (value != null && !TYPED_CLAIMS.contains(name)) {
                    builder.claim(name, value);
                }
            });
            Object iat = claims.get("iat");
            Object exp = claims.get("exp");
            if (iat instanceof Long seconds) {
                builder.issuedAt(Date.from(Instant.ofEpochSecond(seconds)));
            }
            if (exp instanceof Long seconds) {
                builder.expiration(Date.from(Instant.ofEpochSecond(seconds)));
            }
            if (claims.get("aud") instanceof String single) {
                builder.audience().single(single);
            }
            return builder;
        }
    }

    private static KeyPair generateKeyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot generate Ed25519 keys", e);
        }
    }

    /** The raw 32-byte public key: the tail of its X.509 SubjectPublicKeyInfo encoding. */
    static String publicKeyX(PublicKey publicKey) {
        byte[] encoded = publicKey.getEncoded();
        return BASE64URL.encodeToString(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
    }
}
