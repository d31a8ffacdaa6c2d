package dev.crow.org;

import dev.crow.platform.security.AuthMethod;
import dev.crow.platform.security.CallerContext;
import dev.crow.platform.security.JwksSource;
import dev.crow.platform.security.Permission;
import dev.crow.test.CrowPostgres;
import dev.crow.test.TestJwts;
import dev.crow.test.TestServiceKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One running org-service on a real PostgreSQL, with auth-service and user-service faked over HTTP,
 * called with internal JWTs and fed events the way auth-service sends them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(OrgServiceTestBase.Keys.class)
abstract class OrgServiceTestBase {

    static final FakeServices FAKES = new FakeServices();
    static final Set<Permission> MEMBER_PERMS = EnumSet.of(Permission.INTERACTIONS, Permission.PATTERNS,
            Permission.PRODUCTS, Permission.CHAT);
    static final Set<Permission> ADMIN_PERMS = EnumSet.allOf(Permission.class);

    final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @TestConfiguration
    static class Keys {
        @Bean
        JwksSource testKeys() {
            return TestJwts.shared().jwksSource();
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CrowPostgres.register(registry, "orgs");
        TestServiceKeys.register(registry);
        registry.add("crow.platform.services.auth", FAKES::url);
        registry.add("crow.platform.services.users", FAKES::url);
    }

    @BeforeEach
    void resetFakes() {
        FAKES.authStatus.set(201);
        FAKES.mailStatus.set(202);
    }

    /** An organization with an owner, an admin and a member. */
    record Team(UUID organizationId, UUID ownerId, UUID adminId, UUID memberId, String domain) {

        CallerContext caller(UUID user, String role, Set<Permission> permissions) {
            return new CallerContext(user.toString(), organizationId.toString(), role, permissions, "free",
                    AuthMethod.SESSION, null);
        }

        CallerContext owner() {
            return caller(ownerId, "owner", ADMIN_PERMS);
        }

        CallerContext admin() {
            return caller(adminId, "admin", ADMIN_PERMS);
        }

        CallerContext member() {
            return caller(memberId, "member", MEMBER_PERMS);
        }
    }

    Team team() throws Exception {
        UUID organization = UUID.randomUUID();
        String domain = "t" + organization.toString().substring(0, 8) + ".example.com";
        UUID owner = UUID.randomUUID();
        UUID admin = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        event("organization.created", "{\"organizationId\":\"" + organization + "\",\"name\":\"Org " + domain
                + "\",\"slug\":\"" + domain + "\",\"tier\":\"starter\",\"ownerUserId\":\"" + owner
                + "\",\"ownerEmail\":\"owner@" + domain + "\",\"ownerName\":\"Olga Owner\"}", organization);
        for (Object[] user : new Object[][] {{admin, "admin", "Adam Admin"}, {member, "member", "Mia Member"}}) {
            event("member.added", "{\"organizationId\":\"" + organization + "\",\"userId\":\"" + user[0]
                    + "\",\"role\":\"" + user[1] + "\",\"email\":\"" + user[1] + "@" + domain + "\",\"name\":\""
                    + user[2] + "\"}", organization);
        }
        return new Team(organization, owner, admin, member, domain);
    }

    /** Announces a signed-up user, as auth-service does after sign-up. */
    UUID registered(String email, String name) throws Exception {
        UUID user = UUID.randomUUID();
        event("user.registered", "{\"userId\":\"" + user + "\",\"email\":\"" + email + "\",\"name\":\"" + name + "\"}",
                null);
        return user;
    }

    String event(String type, String payload, UUID organizationId) throws Exception {
        return event(UUID.randomUUID(), type, payload, organizationId, Instant.now());
    }

    String event(UUID id, String type, String payload, UUID organizationId, Instant occurredAt) throws Exception {
        String body = "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"occurredAt\":\"" + occurredAt
                + "\",\"producer\":\"auth\",\"organizationId\":" + (organizationId == null ? "null"
                : "\"" + organizationId + "\"") + ",\"payload\":" + payload + "}";
        HttpRequest request = request("/internal/events").header(TestServiceKeys.HEADER, TestServiceKeys.serviceKey())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("event " + type + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    HttpResponse<String> call(String method, String path, CallerContext caller, String json) throws Exception {
        HttpRequest.Builder request = request(path).method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (caller != null) {
            request.header("Authorization", "Bearer " + TestJwts.shared().mint(caller));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, CallerContext caller) throws Exception {
        return call("GET", path, caller, null);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    static CallerContext signedIn(UUID user) {
        return new CallerContext(user.toString(), null, null, Set.of(), "free", AuthMethod.SESSION, null);
    }
}
