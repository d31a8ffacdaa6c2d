package dev.crow.product.fetch;

import dev.crow.platform.config.CrowPlatformProperties;
import dev.crow.product.ProductProperties;
import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FetchConfiguration {

    @Bean
    SafeHttpFetcher safeHttpFetcher(ProductProperties properties, CrowPlatformProperties platform)
            throws NoSuchAlgorithmException {
        ProductProperties.Fetch fetch = properties.fetch();
        Set<String> blocked = new HashSet<>(fetch.blockedHosts());
        Set<String> origins = new HashSet<>();
        // The other CROW services are never crawl targets, whatever their URLs resolve to, and even
        // when the private-network opt-in would let a crawl reach its own start origin.
        for (URI service : platform.services().values()) {
            if (service.getHost() != null) {
                String host = service.getHost().replace("[", "").replace("]", "").toLowerCase(java.util.Locale.ROOT);
                int port = service.getPort() != -1 ? service.getPort() : "https".equals(service.getScheme()) ? 443 : 80;
                blocked.add(host);
                origins.add(host + ":" + port);
            }
        }
        FetchPolicy policy = new FetchPolicy(Set.copyOf(fetch.allowedPorts()), blocked, origins, fetch.connectTimeout(),
                fetch.readTimeout(), fetch.deadline(), fetch.maxRedirects(), fetch.userAgent());
        return new SafeHttpFetcher(policy, HostResolver.system(), SSLContext.getDefault().getSocketFactory());
    }
}
