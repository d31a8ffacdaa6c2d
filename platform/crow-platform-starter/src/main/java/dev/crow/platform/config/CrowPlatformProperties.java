package dev.crow.platform.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What every CROW service configures about itself (prefix {@code crow.platform}). The service
 * key has no default: a service without one refuses to start.
 *
 * @param serviceName path segment of the service's public paths ({@code /api/v1/{serviceName}/…})
 * @param schema      the Postgres schema the service owns
 * @param serviceKey  shared secret that guards {@code /internal/**}
 * @param jwt         how internal JWTs are verified
 * @param publicPaths extra ant patterns that need no JWT
 * @param services    base URLs of the other services, by name
 */
@ConfigurationProperties("crow.platform")
public record CrowPlatformProperties(
        String serviceName,
        String schema,
        String serviceKey,
        @DefaultValue Jwt jwt,
        @DefaultValue List<String> publicPaths,
        @DefaultValue Map<String, URI> services) {

    public static final int MIN_SERVICE_KEY_LENGTH = 32;

    public CrowPlatformProperties {
        if (serviceName == null || !serviceName.matches("[a-z][a-z0-9-]{1,40}")) {
            throw new IllegalStateException(
                    "crow.platform.service-name must be set to the service's path segment (e.g. 'auth')");
        }
        if (serviceKey == null || serviceKey.length() < MIN_SERVICE_KEY_LENGTH) {
            throw new IllegalStateException("crow.platform.service-key (env CROW_PLATFORM_SERVICE_KEY) must be set "
                    + "to a random secret of at least " + MIN_SERVICE_KEY_LENGTH + " characters");
        }
    }

    /**
     * @param jwksUri  where auth-service publishes its keys
     * @param issuer   expected {@code iss}
     * @param audience expected {@code aud}
     * @param keysTtl  how long fetched keys are trusted before a refresh
     * @param clockSkew tolerated clock difference for {@code exp}/{@code iat}
     */
    public record Jwt(
            URI jwksUri,
            @DefaultValue("crow-auth") String issuer,
            @DefaultValue("crow-platform") String audience,
            @DefaultValue("5m") Duration keysTtl,
            @DefaultValue("30s") Duration clockSkew) {
    }

    public URI service(String name) {
        URI uri = services.get(name);
        if (uri == null) {
            throw new IllegalStateException("crow.platform.services." + name + " is not configured");
        }
        return uri;
    }
}
