package dev.crow.product.fetch;

import java.time.Duration;
import java.util.Set;

/**
 * The fixed limits of the fetcher, from configuration.
 *
 * @param allowedPorts ports a URL may name (80 and 443 by default)
 * @param blockedHosts  host names of CROW services and other internal names to refuse
 * @param blockedOrigins {@code host:port} of CROW services, refused even for an exempted private origin
 */
public record FetchPolicy(
        Set<Integer> allowedPorts,
        Set<String> blockedHosts,
        Set<String> blockedOrigins,
        Duration connectTimeout,
        Duration readTimeout,
        Duration deadline,
        int maxRedirects,
        String userAgent) {

    public FetchPolicy {
        allowedPorts = Set.copyOf(allowedPorts);
        blockedHosts = Set.copyOf(blockedHosts);
        blockedOrigins = Set.copyOf(blockedOrigins);
    }
}
