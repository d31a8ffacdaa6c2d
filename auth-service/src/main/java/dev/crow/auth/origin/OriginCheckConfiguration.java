package dev.crow.auth.origin;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the origin check in front of the Better Auth routes. It runs as an MVC interceptor so
 * its refusals go through the platform's error advice like every other error.
 */
@Configuration(proxyBeanMethods = false)
class OriginCheckConfiguration implements WebMvcConfigurer {

    static final String AUTH_ROUTES = "/api/v1/auth/**";

    private final TrustedOrigins trustedOrigins;

    OriginCheckConfiguration(TrustedOrigins trustedOrigins) {
        this.trustedOrigins = trustedOrigins;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new OriginCheckInterceptor(trustedOrigins)).addPathPatterns(AUTH_ROUTES);
    }
}
