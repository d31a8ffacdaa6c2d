package dev.crow.auth;

import dev.crow.test.CrowPostgres;
import dev.crow.test.TestServiceKeys;
import java.util.Base64;
import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * auth-service on a random port against a real PostgreSQL, configured like a local run: the
 * platform's public base URL on :8080 and a dashboard on :3000 as trusted origin. Every
 * integration test class extends this, so they share one application context and database;
 * tests use unique emails and slugs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(AuthIntegrationTestSupport.Mail.class)
public abstract class AuthIntegrationTestSupport {

    public static final String PASSWORD = "correct horse battery staple";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COOKIE_SECRET = randomSecret();
    private static final String SIGNING_KEY_SECRET = randomSecret();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected RecordingAccountMailer mailer;

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        CrowPostgres.register(registry, "auth");
        TestServiceKeys.register(registry);
        registry.add("crow.auth.cookie-secret", () -> COOKIE_SECRET);
        registry.add("crow.auth.signing-key-secret", () -> SIGNING_KEY_SECRET);
        registry.add("crow.auth.base-url", () -> "http://localhost:8080");
        registry.add("crow.auth.trusted-origins", () -> BetterAuthClient.DASHBOARD_ORIGIN);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Mail {
        @Bean
        @Primary
        RecordingAccountMailer recordingAccountMailer() {
            return new RecordingAccountMailer();
        }
    }

    protected BetterAuthClient client() {
        return new BetterAuthClient(port);
    }

    protected static String uniqueEmail(String domain) {
        return "user-" + UUID.randomUUID().toString().substring(0, 8) + "@" + domain;
    }

    protected static String uniqueSlug(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A signed-up user with an organization they own and have active. */
    protected SignedIn signUpWithOrganization() {
        BetterAuthClient client = client();
        String email = uniqueEmail("acme-corp.com");
        var signUp = client.post("/sign-up/email", Map.of("name", "Ada Owner", "email", email, "password", PASSWORD));
        if (signUp.status() != 200) {
            throw new IllegalStateException("sign-up failed: " + signUp.body());
        }
        var organization = client.post("/organization/create", Map.of("name", "Acme", "slug", uniqueSlug("acme")));
        if (organization.status() != 200) {
            throw new IllegalStateException("organization/create failed: " + organization.body());
        }
        return new SignedIn(client, email, signUp.json().path("user").path("id").asString(),
                organization.json().path("id").asString(), signUp.json().path("token").asString());
    }

    /** Calls an internal endpoint with the service key, like the gateway. */
    protected BetterAuthClient.Response internal(String path, Object body) {
        return new BetterAuthClient(port).origin(null).send("POST", path, body,
                Map.of(TestServiceKeys.HEADER, TestServiceKeys.serviceKey()));
    }

    /** A user, their browser (cookie jar) and their active organization. */
    public record SignedIn(BetterAuthClient client, String email, String userId, String organizationId, String token) {
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
