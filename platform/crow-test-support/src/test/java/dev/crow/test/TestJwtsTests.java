package dev.crow.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crow.platform.security.AuthMethod;
import dev.crow.platform.security.CallerContext;
import dev.crow.platform.security.JwksSource;
import dev.crow.platform.security.Permission;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.IncorrectClaimException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.Locator;
import io.jsonwebtoken.ProtectedHeader;
import io.jsonwebtoken.UnsupportedJwtException;
import io.jsonwebtoken.security.SignatureException;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestJwtsTests {

    private static final CallerContext OWNER = new CallerContext("user-1", "org-1", "owner",
            Set.of(Permission.PATTERNS, Permission.INTERACTIONS), "starter", AuthMethod.SESSION, null);
    private static final CallerContext API_KEY = new CallerContext("user-2", "org-2", "member",
            Set.of(Permission.INTERACTIONS_INGEST), "free", AuthMethod.API_KEY, "key-7");

    private final TestJwts jwts = new TestJwts();

    @Test
    void mintedTokensVerifyAgainstThePublishedKeyWithTheContractClaims() {
        Claims claims = parser(jwts.jwksSource()).parseSignedClaims(jwts.mint(OWNER)).getPayload();

        assertThat(claims.getIssuer()).isEqualTo("crow-auth");
        assertThat(claims.getAudience()).containsExactly("crow-platform");
        assertThat(claims.getSubject()).isEqualTo("user-1");
        assertThat(claims.getId()).isNotBlank();
        assertThat(claims.get("org")).isEqualTo("org-1");
        assertThat(claims.get("role")).isEqualTo("owner");
        assertThat(claims.get("perms")).isEqualTo(List.of("interactions", "patterns"));
        assertThat(claims.get("tier")).isEqualTo("starter");
        assertThat(claims.get("amr")).isEqualTo("session");
        assertThat(claims).doesNotContainKey("akid");
        assertThat(Duration.between(claims.getIssuedAt().toInstant(), claims.getExpiration().toInstant()))
                .isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void headerNamesTheKeyAndTheEdDsaAlgorithm() {
        String header = new String(Base64.getUrlDecoder().decode(jwts.mint(OWNER).split("\\.")[0]), StandardCharsets.UTF_8);
        assertThat(header).contains("\"alg\":\"EdDSA\"").contains("\"kid\":\"" + jwts.kid() + "\"");
    }

    @Test
    void apiKeyCallersCarryTheKeyId() {
        Claims claims = parser(jwts.jwksSource()).parseSignedClaims(jwts.mint(API_KEY, Duration.ofSeconds(30))).getPayload();
        assertThat(claims.get("amr")).isEqualTo("api_key");
        assertThat(claims.get("akid")).isEqualTo("key-7");
        assertThat(claims.get("perms")).isEqualTo(List.of("interactions:ingest"));
    }

    @Test
    void callersWithoutOrganizationHaveNoOrgOrRoleClaim() {
        CallerContext lonely = new CallerContext("user-3", null, "owner", Set.of(), "free", AuthMethod.SESSION, null);
        Claims claims = parser(jwts.jwksSource()).parseSignedClaims(jwts.mint(lonely)).getPayload();
        assertThat(claims).doesNotContainKeys("org", "role");
    }

    @Test
    void expiredTokensAreRejected() {
        assertThatThrownBy(() -> parser(jwts.jwksSource()).parseSignedClaims(jwts.expired(OWNER)))
                .isInstanceOf(ExpiredJwtException.class);
    }

    @Test
    void tokensSignedWithAnotherKeyFailVerification() {
        String forged = jwts.signedWithWrongKey(OWNER);
        assertThat(forged.split("\\.")[0]).isEqualTo(jwts.mint(OWNER).split("\\.")[0]);
        assertThatThrownBy(() -> parser(jwts.jwksSource()).parseSignedClaims(forged))
                .isInstanceOf(SignatureException.class);
    }

    @Test
    void unsignedTokensAreRejected() {
        String unsigned = jwts.unsigned(OWNER);
        assertThat(unsigned).endsWith(".");
        assertThatThrownBy(() -> parser(jwts.jwksSource()).parseSignedClaims(unsigned))
                .isInstanceOf(UnsupportedJwtException.class);
    }

    @Test
    void wrongIssuerAndAudienceAreRejected() {
        assertThatThrownBy(() -> parser(jwts.jwksSource()).parseSignedClaims(jwts.token(OWNER).issuer("someone").mint()))
                .isInstanceOf(IncorrectClaimException.class);
        assertThatThrownBy(() -> parser(jwts.jwksSource()).parseSignedClaims(jwts.token(OWNER).audience("elsewhere").mint()))
                .isInstanceOf(IncorrectClaimException.class);
    }

    @Test
    void tokensOfAnotherGeneratorAreUnknownToThisKeySource() {
        TestJwts other = new TestJwts();
        assertThat(jwts.jwksSource().key(other.kid())).isEmpty();
        assertThatThrownBy(() -> parser(jwts.jwksSource()).parseSignedClaims(other.mint(OWNER)))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void forgedClaimsCanBeAddedOrRemoved() {
        Claims claims = parser(jwts.jwksSource())
                .parseSignedClaims(jwts.token(OWNER).claim("org", "org-evil").without("tier").mint()).getPayload();
        assertThat(claims.get("org")).isEqualTo("org-evil");
        assertThat(claims).doesNotContainKey("tier");
    }

    @Test
    void jwksDocumentPublishesTheRawEd25519PublicKey() {
        String json = jwts.jwksJson();
        assertThat(json).contains("\"kty\":\"OKP\"", "\"crv\":\"Ed25519\"", "\"alg\":\"EdDSA\"", "\"use\":\"sig\"",
                "\"kid\":\"" + jwts.kid() + "\"");
        String x = json.replaceAll(".*\"x\":\"([^\"]+)\".*", "$1");
        byte[] raw = Base64.getUrlDecoder().decode(x);
        byte[] encoded = jwts.publicKey().getEncoded();
        assertThat(raw).hasSize(32);
        assertThat(encoded).endsWith(raw);
    }

    @Test
    void sharedGeneratorIsOnePerJvm() {
        assertThat(TestJwts.shared()).isSameAs(TestJwts.shared());
        assertThat(TestJwts.shared().kid()).isNotEqualTo(jwts.kid());
    }

    private static JwtParser parser(JwksSource source) {
        Locator<Key> locator = header -> source.key(((ProtectedHeader) header).getKeyId())
                .orElseThrow(() -> new JwtException("unknown key"));
        return Jwts.parser().keyLocator(locator).requireIssuer("crow-auth").requireAudience("crow-platform").build();
    }
}
