package dev.crow.gateway.routing;

import java.util.List;

import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.config.HttpClientFactory;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.config.HttpClientSslConfigurer;

/**
 * Spring Cloud Gateway's client to the services, configured from the same
 * {@code spring.cloud.gateway.server.webflux.httpclient.*} properties, with its connection pool kept
 * per event loop ({@link EventLoopConnectionProvider}).
 */
class EventLoopHttpClientFactory extends HttpClientFactory {

    EventLoopHttpClientFactory(HttpClientProperties properties, ServerProperties serverProperties,
            HttpClientSslConfigurer sslConfigurer, List<HttpClientCustomizer> customizers) {
        super(properties, serverProperties, sslConfigurer, customizers);
    }

    @Override
    protected ConnectionProvider buildConnectionProvider(HttpClientProperties properties) {
        if (properties.getPool().getType() == HttpClientProperties.Pool.PoolType.DISABLED) {
            return super.buildConnectionProvider(properties);
        }
        return new EventLoopConnectionProvider(() -> super.buildConnectionProvider(properties));
    }
}
