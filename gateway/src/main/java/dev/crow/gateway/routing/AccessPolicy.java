package dev.crow.gateway.routing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * Decides, from method and raw path alone, which route a request belongs to and what it needs
 * (DESIGN.md §1–§3, docs/platform-contracts.md). Public: every service's {@code health}/{@code ready},
 * product images, the billing webhook, the agent card and the API documents. {@code /api/v1/auth/**}
 * is left to auth-service. Everything else needs a credential. Paths a service could normalize into
 * something else ({@code ..}, encoded slashes or dots, {@code ;} parameters, backslashes) are never
 * forwarded, so {@code /internal/**} cannot be reached by a detour.
 */
@Component
class AccessPolicy {

    static final AccessRule NOT_ROUTED = new AccessRule("none", RouteAccess.NOT_ROUTED);
    static final AccessRule DOCS_UI = new AccessRule("docs", RouteAccess.DOCS);

    private static final String AGENT_CARD = "/.well-known/agent-card.json";
    private static final String AUTH_PREFIX = "/api/v1/auth/";
    private static final List<String> STRICT_AUTH_PATHS = List.of(
            "sign-in", "sign-up", "api-key/verify", "request-password-reset", "forget-password", "reset-password",
            "send-verification-email");

    private final List<Family> families;
    private final Map<String, AccessRule> openApi = new HashMap<>();
    private final AccessRule mcpPublic;

    AccessPolicy() {
        this.families = ServiceRoute.ALL.stream()
                .flatMap(route -> route.prefixes().stream().map(prefix -> new Family(prefix, route.id())))
                .toList();
        for (ServiceRoute route : ServiceRoute.ALL) {
            openApi.put(route.id(), new AccessRule(route.openApiRouteId(), RouteAccess.DOCS));
        }
        this.mcpPublic = new AccessRule("mcp", RouteAccess.PUBLIC);
    }

    AccessRule classify(HttpMethod method, String path) {
        if (!isCanonical(path)) {
            return NOT_ROUTED;
        }
        if (path.startsWith("/api/v1/")) {
            for (Family family : families) {
                if (family.contains(path)) {
                    return family.ruleFor(method, path);
                }
            }
            return NOT_ROUTED;
        }
        if (path.equals(AGENT_CARD)) {
            return mcpPublic;
        }
        if (path.startsWith(ServiceRoute.OPENAPI_PREFIX)) {
            String document = path.substring(ServiceRoute.OPENAPI_PREFIX.length());
            AccessRule rule = openApi.get(document);
            return rule != null ? rule : document.equals("swagger-config") ? DOCS_UI : NOT_ROUTED;
        }
        if (path.equals("/swagger-ui.html") || path.startsWith("/swagger-ui/") || path.startsWith("/webjars/")) {
            return DOCS_UI;
        }
        return NOT_ROUTED;
    }

    /** False for paths whose meaning a server could change by normalizing them. */
    static boolean isCanonical(String path) {
        if (path.isEmpty() || path.charAt(0) != '/') {
            return false;
        }
        int segmentStart = 1;
        for (int i = 1; i <= path.length(); i++) {
            char c = i < path.length() ? path.charAt(i) : '/';
            if (c == '\\' || c == ';') {
                return false;
            }
            if (c == '%' && i + 2 < path.length()) {
                char hi = path.charAt(i + 1);
                char lo = (char) (path.charAt(i + 2) | 0x20);
                if ((hi == '2' && (lo == 'e' || lo == 'f')) || (hi == '5' && lo == 'c') || (hi == '0' && lo == '0')) {
                    return false;
                }
            }
            if (c == '/') {
                int length = i - segmentStart;
                if ((length == 1 && path.charAt(segmentStart) == '.')
                        || (length == 2 && path.charAt(segmentStart) == '.' && path.charAt(segmentStart + 1) == '.')) {
                    return false;
                }
                segmentStart = i + 1;
            }
        }
        return true;
    }

    /** One path family of a service, with its rules computed once. */
    private static final class Family {

        private final String prefix;
        private final AccessRule protectedRule;
        private final AccessRule publicRule;
        private final AccessRule authRule;
        private final AccessRule strictAuthRule;
        private final AccessRule webhookRule;

        Family(String prefix, String routeId) {
            this.prefix = prefix;
            this.protectedRule = new AccessRule(routeId, RouteAccess.PROTECTED);
            this.publicRule = new AccessRule(routeId, RouteAccess.PUBLIC);
            this.authRule = new AccessRule(routeId, RouteAccess.AUTH);
            this.strictAuthRule = new AccessRule(routeId, RouteAccess.AUTH_STRICT);
            this.webhookRule = new AccessRule(routeId, RouteAccess.WEBHOOK);
        }

        boolean contains(String path) {
            return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
        }

        AccessRule ruleFor(HttpMethod method, String path) {
            String rest = path.substring(prefix.length());
            if (rest.equals("/health") || rest.equals("/ready")) {
                return publicRule;
            }
            switch (prefix) {
                case "/api/v1/auth" -> {
                    return isStrictAuthPath(path) ? strictAuthRule : authRule;
                }
                case "/api/v1/products" -> {
                    if ((method == HttpMethod.GET || method == HttpMethod.HEAD) && rest.startsWith("/images/")
                            && rest.length() > "/images/".length() && rest.indexOf('/', "/images/".length()) < 0) {
                        return publicRule;
                    }
                }
                case "/api/v1/interactions" -> {
                    // the browser tracker script is embedded by customers' public pages
                    if ((method == HttpMethod.GET || method == HttpMethod.HEAD) && rest.equals("/tracker.js")) {
                        return publicRule;
                    }
                }
                case "/api/v1/users" -> {
                    // profile pictures are embedded by dashboards; their names are random
                    if ((method == HttpMethod.GET || method == HttpMethod.HEAD) && rest.startsWith("/profile-pictures/")) {
                        return publicRule;
                    }
                }
                case "/api/v1/billing" -> {
                    if (method == HttpMethod.POST && rest.equals("/webhook")) {
                        return webhookRule;
                    }
                }
                default -> {
                }
            }
            return protectedRule;
        }

        private static boolean isStrictAuthPath(String path) {
            if (!path.startsWith(AUTH_PREFIX)) {
                return false;
            }
            for (String strict : STRICT_AUTH_PATHS) {
                int end = AUTH_PREFIX.length() + strict.length();
                if (path.startsWith(strict, AUTH_PREFIX.length())
                        && (path.length() == end || path.charAt(end) == '/')) {
                    return true;
                }
            }
            return false;
        }
    }
}
