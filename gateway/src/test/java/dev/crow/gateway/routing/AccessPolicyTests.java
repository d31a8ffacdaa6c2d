package dev.crow.gateway.routing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

class AccessPolicyTests {

    private final AccessPolicy policy = new AccessPolicy();

    @ParameterizedTest(name = "{0} {1} -> {2} ({3})")
    @CsvSource({
            "GET,  /api/v1/products/health,                PUBLIC,      products",
            "GET,  /api/v1/organizations/ready,            PUBLIC,      organizations",
            "GET,  /api/v1/notifications/health,           PUBLIC,      users",
            "GET,  /api/v1/products/images/a1b2.webp,      PUBLIC,      products",
            "HEAD, /api/v1/products/images/a1b2.webp,      PUBLIC,      products",
            "DELETE, /api/v1/products/images/a1b2.webp,    PROTECTED,   products",
            "GET,  /api/v1/products/images/a/b,            PROTECTED,   products",
            "GET,  /api/v1/products/images/,               PROTECTED,   products",
            "POST, /api/v1/billing/webhook,                WEBHOOK,     billing",
            "GET,  /api/v1/billing/webhook,                PROTECTED,   billing",
            "GET,  /.well-known/agent-card.json,           PUBLIC,      mcp",
            "POST, /api/v1/mcp,                            PROTECTED,   mcp",
            "POST, /api/v1/a2a,                            PROTECTED,   mcp",
            "GET,  /api/v1/auth/get-session,               AUTH,        auth",
            "GET,  /api/v1/auth/jwks,                      AUTH,        auth",
            "POST, /api/v1/auth/sign-in/email,             AUTH_STRICT, auth",
            "POST, /api/v1/auth/sign-up/email,             AUTH_STRICT, auth",
            "POST, /api/v1/auth/api-key/verify,            AUTH_STRICT, auth",
            "POST, /api/v1/auth/api-key/create,            AUTH,        auth",
            "POST, /api/v1/auth/request-password-reset,    AUTH_STRICT, auth",
            "POST, /api/v1/auth/reset-password,            AUTH_STRICT, auth",
            "GET,  /api/v1/auth/reset-password/tok,        AUTH_STRICT, auth",
            "POST, /api/v1/auth/send-verification-email,   AUTH_STRICT, auth",
            "GET,  /api/v1/auth/verify-email,              AUTH,        auth",
            "GET,  /api/v1/auth/sign-inx,                  AUTH,        auth",
            "GET,  /api/v1/chat/sessions,                  PROTECTED,   chat",
            "GET,  /api/v1/qna/documents,                  PROTECTED,   chat",
            "GET,  /api/v1/analytics/events,               PROTECTED,   billing",
            "GET,  /api/v1/cctv/ws,                        PROTECTED,   cctv",
            "GET,  /api/v1/productsx,                      NOT_ROUTED,  none",
            "GET,  /v3/api-docs/products,                  DOCS,        openapi-products",
            "GET,  /v3/api-docs/swagger-config,            DOCS,        docs",
            "GET,  /v3/api-docs/unknown,                   NOT_ROUTED,  none",
            "GET,  /swagger-ui/index.html,                 DOCS,        docs",
            "GET,  /internal/events,                       NOT_ROUTED,  none",
            "GET,  /internal,                              NOT_ROUTED,  none",
            "GET,  /actuator/health,                       NOT_ROUTED,  none"})
    void classifiesByPath(String method, String path, RouteAccess access, String routeId) {
        AccessRule rule = policy.classify(HttpMethod.valueOf(method), path);

        assertThat(rule.access()).isEqualTo(access);
        assertThat(rule.routeId()).isEqualTo(routeId);
    }

    @ParameterizedTest
    @CsvSource({
            "/api/v1/products/../../internal/events",
            "/api/v1/products/./p1",
            "/api/v1/products/..",
            "/api/v1/products/%2e%2e/internal",
            "/api/v1/products/%2E./internal",
            "/api/v1/products%2f..%2finternal",
            "/api/v1/products/..;/internal",
            "/api/v1/products;x=1/p1",
            "/api/v1/products/%5c..%5cinternal",
            "/api/v1/products\\..\\internal",
            "/api/v1/products/p1%00"})
    void pathsAServiceCouldNormalizeElsewhereAreNeverRouted(String path) {
        assertThat(policy.classify(HttpMethod.GET, path).access()).isEqualTo(RouteAccess.NOT_ROUTED);
    }
}
