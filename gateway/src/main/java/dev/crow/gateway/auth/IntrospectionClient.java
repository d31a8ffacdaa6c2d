package dev.crow.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.crow.gateway.GatewayProperties;
import dev.crow.gateway.error.ErrorCode;
import dev.crow.gateway.error.GatewayException;
import dev.crow.gateway.observability.GatewayMetrics;
import dev.crow.gateway.observability.LogThrottle;
import io.netty.channel.ChannelOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriUtils;

/**
 * Asks auth-service who a credential belongs to ({@code POST /internal/auth/introspect}, authenticated
 * with the service key) over a fixed connection pool. A 401 means the credential is invalid; anything
 * else that is not a principal means auth-service cannot answer, which the client sees as 503.
 */
@Component
class IntrospectionClient {

    static final String PATH = "/internal/auth/introspect";
    private static final Logger log = LoggerFactory.getLogger(IntrospectionClient.class);

    private final WebClient webClient;
    private final String serviceKey;
    private final Duration timeout;
    private final GatewayMetrics metrics;
    private final LogThrottle unavailableWarnings = new LogThrottle(Duration.ofSeconds(30));

    IntrospectionClient(GatewayProperties properties, GatewayMetrics metrics) {
        GatewayProperties.Introspection settings = properties.introspection();
        ConnectionProvider pool = ConnectionProvider.builder("crow-introspection")
                .maxConnections(settings.maxConnections())
                .pendingAcquireTimeout(settings.responseTimeout())
                .maxIdleTime(Duration.ofSeconds(15))
                .evictInBackground(Duration.ofSeconds(30))
                .build();
        HttpClient httpClient = HttpClient.create(pool)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis())
                .responseTimeout(settings.responseTimeout());
        this.webClient = WebClient.builder()
                .baseUrl(properties.service("auth").toString())
                .clientConnector(new ReactorClientHttpConnector(httpClient))
                .build();
        this.serviceKey = properties.serviceKey();
        this.timeout = settings.responseTimeout().plus(settings.connectTimeout());
        this.metrics = metrics;
    }

    Mono<IntrospectionResponse> introspect(Credential credential) {
        String value = wireValue(credential);
        if (value == null) {
            return Mono.error(AuthFailures.invalidCredential());
        }
        long started = System.nanoTime();
        return webClient.post()
                .uri(PATH)
                .header("X-Service-API-Key", serviceKey)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .bodyValue(new IntrospectionRequest(credential.type().wireName(), value))
                .exchangeToMono(this::read)
                .timeout(timeout)
                .onErrorMap(failure -> !(failure instanceof GatewayException), this::unavailable)
                .doOnSuccess(answer -> metrics.introspection("valid", System.nanoTime() - started))
                .doOnError(failure -> metrics.introspection(
                        ((GatewayException) failure).code() == ErrorCode.UNAUTHORIZED ? "invalid" : "unavailable",
                        System.nanoTime() - started));
    }

    /**
     * Cookies are sent URL-decoded, as the contract asks; {@code +} stays a plus (it is not form encoding).
     * A cookie that is not valid percent-encoding is no credential (null).
     */
    private static String wireValue(Credential credential) {
        if (credential.type() != CredentialType.COOKIE) {
            return credential.value();
        }
        try {
            return UriUtils.decode(credential.value(), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException badEncoding) {
            return null;
        }
    }

    private Mono<IntrospectionResponse> read(ClientResponse response) {
        int status = response.statusCode().value();
        if (status == 200) {
            return response.bodyToMono(IntrospectionResponse.class)
                    .filter(IntrospectionClient::isComplete)
                    .switchIfEmpty(Mono.error(() -> new IllegalStateException("incomplete introspection answer")));
        }
        if (status == 401 || status == 400) {
            return response.releaseBody().then(Mono.error(AuthFailures.invalidCredential()));
        }
        return response.releaseBody()
                .then(Mono.error(() -> new IllegalStateException("introspection answered HTTP " + status)));
    }

    /**
     * A usable answer: a principal and a JWT, and nothing that could not travel in a header. The gateway
     * forwards the JWT and organization id without re-checking them per request, so they are checked here.
     */
    static boolean isComplete(IntrospectionResponse answer) {
        Principal principal = answer.principal();
        return principal != null && principal.userId() != null && answer.jwtExpiresAt() > 0
                && answer.jwt() != null && !answer.jwt().isBlank() && isHeaderSafe(answer.jwt())
                && (principal.organizationId() == null || isHeaderSafe(principal.organizationId()));
    }

    /** Visible ASCII only: no spaces, controls (CR, LF) or non-ASCII characters. */
    private static boolean isHeaderSafe(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c >= 0x7F) {
                return false;
            }
        }
        return true;
    }

    private Throwable unavailable(Throwable failure) {
        if (unavailableWarnings.allow()) {
            log.warn("auth-service introspection unavailable: {}", failure.toString());
        }
        return AuthFailures.authServiceUnavailable(failure);
    }
}
