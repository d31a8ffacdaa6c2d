package dev.crow.gateway.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * A service and the path families it answers (DESIGN.md §1). The route id is the service's name, which
 * is also its key under {@code crow.gateway.services} and the path segment of its OpenAPI document.
 */
record ServiceRoute(String id, List<String> prefixes, List<String> exactPaths) {

    static final List<ServiceRoute> ALL = List.of(
            new ServiceRoute("auth", List.of("/api/v1/auth"), List.of()),
            new ServiceRoute("users", List.of("/api/v1/users", "/api/v1/notifications"), List.of()),
            new ServiceRoute("organizations", List.of("/api/v1/organizations"), List.of()),
            new ServiceRoute("products", List.of("/api/v1/products"), List.of()),
            new ServiceRoute("interactions", List.of("/api/v1/interactions"), List.of()),
            new ServiceRoute("patterns", List.of("/api/v1/patterns"), List.of()),
            new ServiceRoute("chat", List.of("/api/v1/chat", "/api/v1/qna"), List.of()),
            new ServiceRoute("billing", List.of("/api/v1/billing", "/api/v1/analytics"), List.of()),
            new ServiceRoute("cctv", List.of("/api/v1/cctv"), List.of()),
            new ServiceRoute("mcp", List.of("/api/v1/mcp", "/api/v1/a2a"), List.of("/.well-known/agent-card.json")));

    static final String OPENAPI_PREFIX = "/v3/api-docs/";

    /** Spring path patterns for the gateway route: each family with everything below it, plus exact paths. */
    String[] pathPatterns() {
        List<String> patterns = new ArrayList<>();
        for (String prefix : prefixes) {
            patterns.add(prefix + "/**");
        }
        patterns.addAll(exactPaths);
        return patterns.toArray(String[]::new);
    }

    String openApiRouteId() {
        return "openapi-" + id;
    }

    String openApiPath() {
        return OPENAPI_PREFIX + id;
    }

    /** The family prefix {@code path} falls under, or null. */
    String prefixOf(String path) {
        for (String prefix : prefixes) {
            if (path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
                return prefix;
            }
        }
        return null;
    }
}
