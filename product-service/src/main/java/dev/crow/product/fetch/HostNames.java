package dev.crow.product.fetch;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Host names that never leave the building: loopback and mDNS names, internal zones, cloud
 * metadata names, and the host names of CROW's own services from configuration.
 */
final class HostNames {

    private static final Set<String> ALWAYS_BLOCKED = Set.of(
            "localhost", "metadata.google.internal", "metadata", "instance-data", "kubernetes.default");
    private static final Set<String> BLOCKED_SUFFIXES = Set.of(
            ".localhost", ".local", ".internal", ".localdomain", ".home.arpa", ".intranet", ".corp", ".lan");

    private final Set<String> configured;

    HostNames(Set<String> configured) {
        this.configured = configured.stream()
                .map(h -> h.toLowerCase(Locale.ROOT).strip())
                .filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Why the name is off limits, or {@code null} when it may be resolved. */
    String blockedReason(String host) {
        if (ALWAYS_BLOCKED.contains(host) || configured.contains(host)) {
            return "internal host name";
        }
        for (String suffix : BLOCKED_SUFFIXES) {
            if (host.endsWith(suffix)) {
                return "internal host name";
            }
        }
        if (host.indexOf('.') < 0) {
            // Single-label names are resolved through search domains: internal by construction.
            return "single-label host name";
        }
        return null;
    }
}
