package dev.crow.platform.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlatformStarterTests {

    private static final String ORG = "org-a";
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    @Test
    void healthAndReadyNeedNoAuthentication() throws Exception {
        assertThat(get("/api/v1/widgets/health").body()).contains("\"status\":\"UP\"", "\"service\":\"widgets\"");
        assertThat(get("/api/v1/widgets/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void missingTokenIsUnauthorizedInPlatformErrorBody() throws Exception {
        HttpResponse<String> response = get("/api/v1/widgets/organization/" + ORG);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"code\":\"UNAUTHORIZED\"", "\"error\":", "\"requestId\":");
    }

    @Test
    void validTokenReachesTheEndpointWithPaginationAndMillisecondDates() throws Exception {
        HttpResponse<String> response = get("/api/v1/widgets/organization/" + ORG + "?limit=500",
                "Authorization", bearer(TestTokens.token(ORG, List.of("patterns"))));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"createdAt\":\"2025-11-14T10:28:44.214Z\"")
                .contains("\"pagination\":{\"page\":1,\"limit\":100,\"total\":1,\"totalPages\":1}");
    }

    @Test
    void anotherOrganizationsIdIsForbidden() throws Exception {
        HttpResponse<String> response = get("/api/v1/widgets/organization/org-b",
                "Authorization", bearer(TestTokens.token(ORG, List.of("patterns"))));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("\"code\":\"FORBIDDEN\"");
    }

    @Test
    void missingPermissionIsForbidden() throws Exception {
        HttpResponse<String> response = get("/api/v1/widgets/organization/" + ORG,
                "Authorization", bearer(TestTokens.token(ORG, List.of("interactions"))));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("Missing permission: patterns");
    }

    @Test
    void mismatchingOrganizationHeaderIsRejected() throws Exception {
        HttpResponse<String> response = get("/api/v1/widgets/organization/" + ORG,
                "Authorization", bearer(TestTokens.token(ORG, List.of("patterns"))),
                "X-Organization-Id", "org-b");
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void unsignedTokenIsRejected() throws Exception {
        HttpResponse<String> response = get("/api/v1/widgets/organization/" + ORG,
                "Authorization", bearer(TestTokens.unsigned(ORG)));
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void tokenSignedByAnotherKeyIsRejected() throws Exception {
        String forged = TestTokens.token(TestTokens.newKeyPair().getPrivate(), StarterTestApplication.KID,
                "crow-auth", "crow-platform", ORG, List.of("patterns"), Instant.now().plusSeconds(300));
        assertThat(get("/api/v1/widgets/organization/" + ORG, "Authorization", bearer(forged)).statusCode())
                .isEqualTo(401);
    }

    @Test
    void expiredWrongIssuerAndWrongAudienceTokensAreRejected() throws Exception {
        var key = StarterTestApplication.SIGNING_KEY.getPrivate();
        String kid = StarterTestApplication.KID;
        List<String> perms = List.of("patterns");
        String expired = TestTokens.token(key, kid, "crow-auth", "crow-platform", ORG, perms,
                Instant.now().minusSeconds(120));
        String issuer = TestTokens.token(key, kid, "someone-else", "crow-platform", ORG, perms,
                Instant.now().plusSeconds(300));
        String audience = TestTokens.token(key, kid, "crow-auth", "another-audience", ORG, perms,
                Instant.now().plusSeconds(300));
        String unknownKid = TestTokens.token(key, "unknown-kid", "crow-auth", "crow-platform", ORG, perms,
                Instant.now().plusSeconds(300));
        for (String token : List.of(expired, issuer, audience, unknownKid, "not-a-jwt")) {
            assertThat(get("/api/v1/widgets/organization/" + ORG, "Authorization", bearer(token)).statusCode())
                    .as(token).isEqualTo(401);
        }
    }

    @Test
    void validationErrorsNameTheFieldWithoutInternals() throws Exception {
        String token = bearer(TestTokens.token(ORG, List.of()));
        HttpResponse<String> blank = post("/api/v1/widgets", "{\"name\":\"\"}", "Authorization", token);
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("\"code\":\"VALIDATION_ERROR\"", "Invalid request parameters: name");

        HttpResponse<String> malformed = post("/api/v1/widgets", "{\"name\":", "Authorization", token);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).doesNotContain("Exception", "jackson", "at ");
    }

    @Test
    void frameworkErrorsUseThePlatformBody() throws Exception {
        String token = bearer(TestTokens.token(ORG, List.of("patterns")));
        assertThat(get("/api/v1/widgets/not-a-number", "Authorization", token).body())
                .contains("\"code\":\"VALIDATION_ERROR\"");
        assertThat(get("/api/v1/widgets/42", "Authorization", token).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/widgets/organization/" + ORG + "?page=x", "Authorization", token).statusCode())
                .isEqualTo(400);
        HttpResponse<String> method = post("/api/v1/widgets/organization/" + ORG, "{}", "Authorization", token);
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(method.body()).contains("\"code\":\"METHOD_NOT_ALLOWED\"");
        HttpResponse<String> unknown = get("/api/v1/nothing-here", "Authorization", token);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"code\":\"NOT_FOUND\"");
    }

    @Test
    void unexpectedFailuresAreInternalErrorsWithoutStackTraces() throws Exception {
        HttpResponse<String> response = get("/api/v1/widgets/boom",
                "Authorization", bearer(TestTokens.token(ORG, List.of())));
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("\"code\":\"INTERNAL_ERROR\"").doesNotContain("secret", "com.example");
    }

    @Test
    void requestIdIsPropagatedIntoResponsesAndErrorBodies() throws Exception {
        HttpResponse<String> response = get("/api/v1/widgets/organization/" + ORG, "X-Request-Id", "req-123");
        assertThat(response.headers().firstValue("X-Request-Id")).contains("req-123");
        assertThat(response.body()).contains("\"requestId\":\"req-123\"");

        HttpResponse<String> unsafe = get("/api/v1/widgets/health", "X-Request-Id", "bad id <script>");
        assertThat(unsafe.headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f-]{36}");
    }

    @Test
    void internalEndpointsNeedTheServiceKey() throws Exception {
        assertThat(get("/internal/widgets/count").statusCode()).isEqualTo(401);
        assertThat(get("/internal/widgets/count", "X-Service-API-Key", "wrong").statusCode()).isEqualTo(401);
        assertThat(get("/internal/widgets/count", "Authorization", bearer(TestTokens.token(ORG, List.of())))
                .statusCode()).isEqualTo(401);
        HttpResponse<String> ok = get("/internal/widgets/count",
                "X-Service-API-Key", "test-service-key-0123456789abcdefghijklmnop");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"service\":true");
    }

    @Test
    void openApiDocumentIsNamedAndPublic() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("CROW widgets API", "/api/v1/widgets/organization/{orgId}");
    }
}
