package dev.crow.user;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.crow.platform.security.AuthMethod;
import dev.crow.platform.security.CallerContext;
import dev.crow.platform.security.JwksSource;
import dev.crow.platform.security.Permission;
import dev.crow.test.CrowPostgres;
import dev.crow.test.TestJwts;
import dev.crow.test.TestServiceKeys;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One running user-service on a real PostgreSQL with a real SMTP server (GreenMail), called over
 * HTTP with internal JWTs the way the gateway calls it, and fed events the way auth-service sends them.
 * Every test makes its own organizations and users, so tests share the context without cleaning up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(UserServiceTestBase.Keys.class)
public abstract class UserServiceTestBase {

    protected static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    protected static final Set<Permission> MEMBER_PERMS = EnumSet.of(Permission.INTERACTIONS, Permission.PATTERNS,
            Permission.PRODUCTS, Permission.CHAT);
    protected static final Set<Permission> ADMIN_PERMS = EnumSet.allOf(Permission.class);

    static {
        SMTP.start();
    }

    protected final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    @TestConfiguration
    static class Keys {
        @Bean
        JwksSource testKeys() {
            return TestJwts.shared().jwksSource();
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        CrowPostgres.register(registry, "users");
        TestServiceKeys.register(registry);
        Path pictures = Files.createTempDirectory("crow-users-objects");
        registry.add("crow.platform.storage.local-dir", pictures::toString);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("crow.users.mail.poll-interval", () -> "200ms");
        // org-service is not running: user.updated deliveries stay in the outbox
        registry.add("crow.platform.services.organizations", () -> "http://127.0.0.1:9");
    }

    /** An organization with an owner, an admin and a member, announced through auth-service's events. */
    protected record Team(UUID organizationId, UUID ownerId, UUID adminId, UUID memberId, String domain) {

        public CallerContext caller(UUID user, String role, Set<Permission> permissions) {
            return new CallerContext(user.toString(), organizationId.toString(), role, permissions, "free",
                    AuthMethod.SESSION, null);
        }

        public CallerContext owner() {
            return caller(ownerId, "owner", ADMIN_PERMS);
        }

        public CallerContext admin() {
            return caller(adminId, "admin", ADMIN_PERMS);
        }

        public CallerContext member() {
            return caller(memberId, "member", MEMBER_PERMS);
        }

        public String email(String who) {
            return who + "@" + domain;
        }
    }

    protected Team team() throws Exception {
        UUID organization = UUID.randomUUID();
        String domain = "t" + organization.toString().substring(0, 8) + ".example.com";
        UUID owner = UUID.randomUUID();
        UUID admin = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        event("organization.created", "{\"organizationId\":\"" + organization + "\",\"name\":\"Org " + domain
                + "\",\"slug\":\"" + domain + "\",\"tier\":\"free\",\"ownerUserId\":\"" + owner
                + "\",\"ownerEmail\":\"owner@" + domain + "\",\"ownerName\":\"Olga Owner\"}", organization);
        for (Object[] user : new Object[][] {{admin, "admin", "Adam Admin"}, {member, "member", "Mia Member"}}) {
            event("user.registered", "{\"userId\":\"" + user[0] + "\",\"email\":\"" + user[1] + "@" + domain
                    + "\",\"name\":\"" + user[2] + "\"}", null);
            event("member.added", "{\"organizationId\":\"" + organization + "\",\"userId\":\"" + user[0]
                    + "\",\"role\":\"" + user[1] + "\",\"email\":\"" + user[1] + "@" + domain + "\",\"name\":\""
                    + user[2] + "\"}", organization);
        }
        return new Team(organization, owner, admin, member, domain);
    }

    /** Delivers an event as auth-service's outbox would; returns the response body. */
    protected String event(String type, String payload, UUID organizationId) throws Exception {
        return event(UUID.randomUUID(), type, payload, organizationId, Instant.now());
    }

    protected String event(UUID id, String type, String payload, UUID organizationId, Instant occurredAt)
            throws Exception {
        String body = "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"occurredAt\":\"" + occurredAt
                + "\",\"producer\":\"auth\",\"organizationId\":" + (organizationId == null ? "null"
                : "\"" + organizationId + "\"") + ",\"payload\":" + payload + "}";
        HttpResponse<String> response = internal("POST", "/internal/events", body);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("event " + type + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    protected HttpResponse<String> call(String method, String path, CallerContext caller, String json)
            throws Exception {
        HttpRequest.Builder request = request(path).method(method, json == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (caller != null) {
            request.header("Authorization", "Bearer " + TestJwts.shared().mint(caller));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> get(String path, CallerContext caller) throws Exception {
        return call("GET", path, caller, null);
    }

    protected HttpResponse<String> internal(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = request(path).header(TestServiceKeys.HEADER, TestServiceKeys.serviceKey())
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }
}
