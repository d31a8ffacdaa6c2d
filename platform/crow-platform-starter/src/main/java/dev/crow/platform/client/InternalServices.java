package dev.crow.platform.client;

import dev.crow.platform.config.CrowPlatformProperties;
import dev.crow.platform.web.RequestIds;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Clients for calling another CROW service's internal endpoints: the base URL comes from
 * {@code crow.platform.services.<name>}, every request carries the service key and the current
 * request id, and connections time out instead of hanging a caller.
 */
public class InternalServices {

    public static final String SERVICE_KEY_HEADER = "X-Service-API-Key";

    private final CrowPlatformProperties platform;
    private final RestClient.Builder builder;
    private final Map<String, RestClient> clients = new ConcurrentHashMap<>();

    public InternalServices(CrowPlatformProperties platform, RestClient.Builder builder) {
        this.platform = platform;
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
        factory.setReadTimeout(Duration.ofSeconds(30));
        this.builder = builder.clone().requestFactory(factory);
    }

    /** A client for the named service ({@code auth}, {@code users}, {@code interactions}, …). */
    public RestClient service(String name) {
        return clients.computeIfAbsent(name, n -> builder.clone()
                .baseUrl(platform.service(n).toString())
                .defaultHeader(SERVICE_KEY_HEADER, platform.serviceKey())
                .requestInterceptor((request, body, execution) -> {
                    String requestId = RequestIds.current();
                    if (requestId != null) {
                        request.getHeaders().set(RequestIds.HEADER, requestId);
                    }
                    return execution.execute(request, body);
                })
                .build());
    }
}
