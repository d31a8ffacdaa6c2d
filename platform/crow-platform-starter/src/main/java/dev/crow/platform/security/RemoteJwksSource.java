package dev.crow.platform.security;

import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * auth-service's published keys, fetched over HTTP and cached. A token signed with a key we have
 * not seen (rotation) triggers one refetch, at most every {@code MIN_REFETCH} so that a flood of
 * forged kids cannot hammer auth-service; keys are refreshed after {@code ttl} regardless.
 */
public class RemoteJwksSource implements JwksSource {

    private static final Logger log = LoggerFactory.getLogger(RemoteJwksSource.class);
    private static final Duration MIN_REFETCH = Duration.ofSeconds(10);

    private final URI jwksUri;
    private final Duration ttl;
    private final Clock clock;
    private final HttpClient http;
    private volatile Map<String, PublicKey> keys = Map.of();
    private volatile Instant fetchedAt = Instant.EPOCH;

    public RemoteJwksSource(URI jwksUri, Duration ttl, Clock clock) {
        this.jwksUri = jwksUri;
        this.ttl = ttl;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    @Override
    public Optional<PublicKey> key(String kid) {
        Instant now = clock.instant();
        if (now.isAfter(fetchedAt.plus(ttl))) {
            refresh(now);
        }
        PublicKey key = keys.get(kid);
        if (key == null && now.isAfter(fetchedAt.plus(MIN_REFETCH))) {
            refresh(now);
            key = keys.get(kid);
        }
        return Optional.ofNullable(key);
    }

    private synchronized void refresh(Instant now) {
        if (!now.isAfter(fetchedAt.plus(MIN_REFETCH)) && !keys.isEmpty()) {
            return;
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(jwksUri).timeout(Duration.ofSeconds(3)).GET().build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                log.warn("JWKS answered {}; keeping {} cached keys", response.statusCode(), keys.size());
                return;
            }
            keys = parse(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("JWKS fetch failed ({}); keeping {} cached keys", e.getClass().getSimpleName(), keys.size());
        } finally {
            fetchedAt = now;
        }
    }

    static Map<String, PublicKey> parse(String json) {
        JwkSet set = Jwks.setParser().ignoreUnsupported(true).build().parse(json);
        Map<String, PublicKey> parsed = new ConcurrentHashMap<>();
        for (Jwk<?> jwk : set.getKeys()) {
            if (jwk instanceof PublicJwk<?> publicJwk && jwk.getId() != null) {
                parsed.put(jwk.getId(), publicJwk.toKey());
            }
        }
        return Map.copyOf(parsed);
    }
}
