package dev.crow.platform.testapp;

import io.jsonwebtoken.Jwts;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Mints internal JWTs the way auth-service does, for the starter's own tests. */
public final class TestTokens {

    private TestTokens() {
    }

    public static KeyPair newKeyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String token(String org, List<String> perms) {
        return token(StarterTestApplication.SIGNING_KEY.getPrivate(), StarterTestApplication.KID, "crow-auth",
                "crow-platform", org, perms, Instant.now().plusSeconds(300));
    }

    public static String token(PrivateKey key, String kid, String issuer, String audience, String org,
            List<String> perms, Instant expiresAt) {
        return Jwts.builder()
                .header().keyId(kid).and()
                .issuer(issuer)
                .audience().add(audience).and()
                .subject("user-1")
                .id(UUID.randomUUID().toString())
                .issuedAt(java.util.Date.from(Instant.now().minusSeconds(5)))
                .expiration(java.util.Date.from(expiresAt))
                .claim("org", org)
                .claim("role", "member")
                .claim("perms", perms)
                .claim("tier", "free")
                .claim("amr", "session")
                .signWith(key, Jwts.SIG.EdDSA)
                .compact();
    }

    /** An unsigned token ({@code alg:none}) carrying otherwise valid claims. */
    public static String unsigned(String org) {
        String header = b64("{\"alg\":\"none\",\"kid\":\"" + StarterTestApplication.KID + "\"}");
        String payload = b64("{\"iss\":\"crow-auth\",\"aud\":\"crow-platform\",\"sub\":\"user-1\",\"org\":\"" + org
                + "\",\"perms\":[\"patterns\"],\"exp\":" + (Instant.now().getEpochSecond() + 300) + "}");
        return header + "." + payload + ".";
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes());
    }
}
