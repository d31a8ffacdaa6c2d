package dev.crow.auth.origin;

import dev.crow.auth.AuthProperties;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The origins allowed to make state-changing calls with the session cookie and to be the
 * target of redirects: the public base URL's origin plus {@code crow.auth.trusted-origins}.
 * An entry may use a leading wildcard label ({@code https://*.crowai.dev}).
 */
@Component
public class TrustedOrigins {

    private final List<String> exact = new ArrayList<>();
    private final List<String[]> wildcards = new ArrayList<>();

    TrustedOrigins(AuthProperties properties) {
        add(properties.baseUrl().toString());
        properties.trustedOrigins().forEach(this::add);
    }

    private void add(String entry) {
        String trimmed = entry.trim();
        int wildcard = trimmed.indexOf("://*.");
        if (wildcard > 0) {
            String scheme = trimmed.substring(0, wildcard).toLowerCase(Locale.ROOT);
            String suffix = trimmed.substring(wildcard + 4).toLowerCase(Locale.ROOT);
            wildcards.add(new String[] {scheme, suffix});
            return;
        }
        originOf(trimmed).ifPresentOrElse(exact::add, () -> {
            throw new IllegalStateException("crow.auth.trusted-origins has an entry that is not an origin: " + entry);
        });
    }

    /** Whether {@code origin} (an Origin header value or a full URL) is trusted. */
    public boolean isTrusted(String origin) {
        Optional<String> normalized = originOf(origin);
        if (normalized.isEmpty()) {
            return false;
        }
        String value = normalized.get();
        if (exact.contains(value)) {
            return true;
        }
        for (String[] wildcard : wildcards) {
            String prefix = wildcard[0] + "://";
            if (value.startsWith(prefix)) {
                String hostAndPort = value.substring(prefix.length());
                if (hostAndPort.endsWith(wildcard[1]) && hostAndPort.length() > wildcard[1].length()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a redirect target supplied by a client is safe: a same-site relative path, or an
     * absolute URL on a trusted origin. Protocol-relative ({@code //evil}) paths are not relative.
     */
    public boolean isSafeRedirect(String target) {
        if (target == null || target.isBlank() || target.length() > 2048) {
            return false;
        }
        try {
            URI.create(target);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        if (target.startsWith("/") && !target.startsWith("//") && !target.startsWith("/\\")) {
            return true;
        }
        return isTrusted(target);
    }

    /** {@code scheme://host[:port]} in lower case with default ports dropped, if {@code value} is an http(s) URL. */
    static Optional<String> originOf(String value) {
        if (value == null || value.isBlank() || "null".equals(value)) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(value.trim());
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null || host == null) {
                return Optional.empty();
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            return Optional.of(scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
