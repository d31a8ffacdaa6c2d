package dev.crow.auth.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crow.auth.AuthIntegrationTestSupport;
import dev.crow.auth.BetterAuthClient;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** JWTs from /token and introspection verify against /jwks; rotation is safe and overlaps. */
class SigningKeyIntegrationTests extends AuthIntegrationTestSupport {

    @Autowired
    SigningKeyRing ring;

    @Autowired
    SigningKeyRotation rotation;

    @Autowired
    SigningKeyCipher cipher;

    @Test
    void theTokenEndpointsJwtVerifiesAgainstTheJwks() {
        SignedIn owner = signUpWithOrganization();
        var answer = owner.client().get("/token");
        assertThat(answer.status()).isEqualTo(200);
        String jwt = answer.json().path("token").asString();

        JsonNode header = decodePart(jwt, 0);
        assertThat(header.path("alg").asString()).isEqualTo("EdDSA");
        String kid = header.path("kid").asString();
        Claims claims = Jwts.parser().keyLocator(h -> jwks().get(kid)).requireIssuer("crow-auth")
                .requireAudience("crow-platform").build().parseSignedClaims(jwt).getPayload();

        assertThat(claims.getSubject()).isEqualTo(owner.userId());
        assertThat(claims.get("email", String.class)).isEqualTo(owner.email());
        assertThat(claims.get("org", String.class)).isEqualTo(owner.organizationId());
        assertThat(claims.get("role", String.class)).isEqualTo("owner");
        assertThat(claims.get("tier", String.class)).isEqualTo("free");
        assertThat(claims.get("amr", String.class)).isEqualTo("session");
        assertThat(claims.get("perms", List.class)).contains("interactions", "apiKeyManagement");
        assertThat(claims.getId()).isNotBlank();
        assertThat(Duration.between(claims.getIssuedAt().toInstant(), claims.getExpiration().toInstant()))
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(claims.containsKey("akid")).isFalse();
    }

    @Test
    void theTokenEndpointNeedsASession() {
        var answer = client().get("/token");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.code()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void jwksPublishesEd25519OkpKeys() {
        var answer = client().get("/jwks");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode keys = answer.json().path("keys");
        assertThat(keys.size()).isPositive();
        for (JsonNode key : keys) {
            assertThat(key.propertyNames()).containsExactlyInAnyOrder("kty", "crv", "x", "alg", "kid", "use");
            assertThat(key.path("kty").asString()).isEqualTo("OKP");
            assertThat(key.path("crv").asString()).isEqualTo("Ed25519");
            assertThat(key.path("alg").asString()).isEqualTo("EdDSA");
            assertThat(key.path("use").asString()).isEqualTo("sig");
            assertThat(Base64.getUrlDecoder().decode(key.path("x").asString())).hasSize(32);
        }
        assertThat(answer.body()).doesNotContain("\"d\"");
    }

    @Test
    void rotationKeepsTheOldKidPublishedDuringTheOverlap() {
        SignedIn owner = signUpWithOrganization();
        String before = owner.client().get("/token").json().path("token").asString();
        String oldKid = decodePart(before, 0).path("kid").asString();

        ring.rotateNow();

        String after = owner.client().get("/token").json().path("token").asString();
        String newKid = decodePart(after, 0).path("kid").asString();
        assertThat(newKid).isNotEqualTo(oldKid);
        Map<String, PublicKey> published = jwks();
        assertThat(published).containsKeys(oldKid, newKid);
        for (String token : List.of(before, after)) {
            Jwts.parser().keyLocator(h -> published.get(((io.jsonwebtoken.ProtectedHeader) h).getKeyId())).build()
                    .parseSignedClaims(token);
        }
        Timestamp retiredAt = jdbc.queryForObject("select retired_at from signing_keys where kid = ?", Timestamp.class, oldKid);
        Timestamp publishUntil = jdbc.queryForObject("select publish_until from signing_keys where kid = ?", Timestamp.class, oldKid);
        assertThat(Duration.between(retiredAt.toInstant(), publishUntil.toInstant()))
                .isGreaterThanOrEqualTo(Duration.ofMinutes(10));

        // Once the overlap has passed, the old key disappears from the set.
        jdbc.update("update signing_keys set publish_until = ? where kid = ?", Timestamp.from(Instant.now().minusSeconds(1)), oldKid);
        ring.maintain();
        assertThat(jwks()).containsKey(newKid).doesNotContainKey(oldKid);
        assertThat(jdbc.queryForObject("select count(*) from signing_keys where kid = ?", Integer.class, oldKid)).isZero();
    }

    @Test
    void concurrentDueRotationsProduceExactlyOneNewKey() throws Exception {
        ring.rotateNow();
        jdbc.update("update signing_keys set created_at = created_at - interval '30 days' where retired_at is null");
        int instances = 4;
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return rotation.rotateIfDue(false);
                }));
            }
            start.countDown();
            int rotated = 0;
            for (Future<Boolean> result : results) {
                rotated += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(rotated).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from signing_keys where retired_at is null", Integer.class))
                .isEqualTo(1);
        ring.maintain();
    }

    @Test
    void aSigningKeyThatNoLongerOpensIsReplacedAndTokensKeepFlowing() {
        ring.rotateNow();
        String broken = jdbc.queryForObject("select kid from signing_keys where retired_at is null", String.class);
        jdbc.update("update signing_keys set private_key_sealed = set_byte(private_key_sealed, 20, "
                + "(get_byte(private_key_sealed, 20) + 1) % 256) where kid = ?", broken);

        ring.maintain();

        String current = jdbc.queryForObject("select kid from signing_keys where retired_at is null", String.class);
        assertThat(current).isNotEqualTo(broken);
        SignedIn owner = signUpWithOrganization();
        String jwt = owner.client().get("/token").json().path("token").asString();
        assertThat(decodePart(jwt, 0).path("kid").asString()).isEqualTo(current);
    }

    @Test
    void privateKeysAreSealedAtRest() {
        ring.published();
        Map<String, Object> row = jdbc.queryForMap(
                "select kid, private_key_sealed from signing_keys where retired_at is null");
        String kid = (String) row.get("kid");
        byte[] sealed = (byte[]) row.get("private_key_sealed");
        byte[] pkcs8 = cipher.open(kid, sealed);
        assertThat(Ed25519Keys.privateKey(pkcs8).getAlgorithm()).isIn("EdDSA", "Ed25519");
        assertThat(indexOf(sealed, java.util.Arrays.copyOfRange(pkcs8, 16, pkcs8.length))).isEqualTo(-1);
    }

    private Map<String, PublicKey> jwks() {
        String json = new BetterAuthClient(port).get("/jwks").body();
        JwkSet set = Jwks.setParser().build().parse(json);
        Map<String, PublicKey> keys = new HashMap<>();
        for (Jwk<?> jwk : set.getKeys()) {
            keys.put(jwk.getId(), ((PublicJwk<?>) jwk).toKey());
        }
        return keys;
    }

    private static JsonNode decodePart(String jwt, int index) {
        String part = jwt.split("\\.")[index];
        return tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
