package dev.crow.platform.web;

import dev.crow.platform.config.CrowPlatformProperties;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.module.SimpleModule;

/** Request ids, health and readiness, argument resolvers and JSON conventions for every service. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(HealthController.class)
public class PlatformWebAutoConfiguration implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger("crow.platform");

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerContextArgumentResolver());
        resolvers.add(new PageQueryArgumentResolver());
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> crowRequestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    JsonMapperBuilderCustomizer crowJsonConventions() {
        SimpleModule module = new SimpleModule("crow-platform");
        module.addSerializer(Instant.class, new MillisecondInstantSerializer());
        return builder -> builder.addModule(module);
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> crowStartupBanner(CrowPlatformProperties platform,
            @Value("${local.server.port:${server.port:8080}}") String port) {
        return event -> log.info("CROW {} ready on port {} (schema {}, health /api/v1/{}/health, docs /swagger-ui.html)",
                platform.serviceName(), port, platform.schema() == null ? "-" : platform.schema(),
                platform.serviceName());
    }
}
