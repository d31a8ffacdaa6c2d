package dev.crow.gateway.routing;

import java.net.URI;
import java.util.List;

import dev.crow.gateway.GatewayProperties;
import dev.crow.gateway.observability.ManagementPort;

import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.cloud.gateway.config.GlobalCorsProperties;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.config.HttpClientFactory;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.config.HttpClientSslConfigurer;
import org.springframework.cloud.gateway.handler.FilteringWebHandler;
import org.springframework.cloud.gateway.handler.RoutePredicateHandlerMapping;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The gateway's routes, built in Java from {@code crow.gateway.services.*} so that a typo in a property
 * name cannot silently leave a family unrouted: one route per service for its path families (HTTP,
 * WebSocket and streamed responses alike), and one per service for its OpenAPI document.
 */
@Configuration(proxyBeanMethods = false)
class RoutesConfiguration {

    @Bean
    RouteLocator crowRoutes(RouteLocatorBuilder builder, GatewayProperties properties) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        for (ServiceRoute service : ServiceRoute.ALL) {
            URI uri = properties.service(service.id());
            routes.route(service.id(), route -> route.path(service.pathPatterns()).uri(uri));
        }
        for (ServiceRoute service : ServiceRoute.ALL) {
            URI uri = properties.service(service.id());
            routes.route(service.openApiRouteId(), route -> route.path(service.openApiPath())
                    .filters(filters -> filters.setPath("/v3/api-docs"))
                    .uri(uri));
        }
        return routes.build();
    }

    /** The client to the services, with a connection pool per event loop. */
    @Bean
    HttpClientFactory gatewayHttpClientFactory(HttpClientProperties properties, ServerProperties serverProperties,
            List<HttpClientCustomizer> customizers, HttpClientSslConfigurer sslConfigurer) {
        return new EventLoopHttpClientFactory(properties, serverProperties, sslConfigurer, customizers);
    }

    @Bean
    static StockHeaderFilters stockHeaderFilters() {
        return new StockHeaderFilters();
    }

    @Bean
    RoutePredicateHandlerMapping routePredicateHandlerMapping(FilteringWebHandler webHandler, RouteLocator routeLocator,
            GlobalCorsProperties globalCorsProperties, Environment environment, ManagementPort managementPort) {
        return new ManagementAwareHandlerMapping(webHandler, routeLocator, globalCorsProperties, environment,
                managementPort);
    }
}
