package dev.crow.platform.security;

import dev.crow.platform.config.CrowPlatformProperties;
import dev.crow.platform.error.ErrorKind;
import dev.crow.platform.error.ErrorResponses;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The security every service shares: stateless, no sessions or CSRF tokens (callers are
 * authenticated per request by the gateway's JWT), public health/ready/OpenAPI and configured
 * public paths, the service-key guard on {@code /internal/**}, and errors in the platform body.
 */
@AutoConfiguration(before = ServletWebSecurityAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class PlatformSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(JwksSource.class)
    JwksSource remoteJwksSource(CrowPlatformProperties platform) {
        if (platform.jwt().jwksUri() == null) {
            throw new IllegalStateException("crow.platform.jwt.jwks-uri (env CROW_PLATFORM_JWT_JWKS_URI) must point "
                    + "at auth-service's JWKS");
        }
        return new RemoteJwksSource(platform.jwt().jwksUri(), platform.jwt().keysTtl(), Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    InternalJwtVerifier internalJwtVerifier(JwksSource keys, CrowPlatformProperties platform) {
        return new InternalJwtVerifier(keys, platform.jwt());
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain crowSecurityFilterChain(HttpSecurity http, CrowPlatformProperties platform,
            InternalJwtVerifier verifier) throws Exception {
        RequestMatcher publicPaths = publicPaths(platform);
        RequestMatcher internal = PathPatternRequestMatcher.withDefaults().matcher("/internal/**");
        http
                .csrf(csrf -> csrf.disable())
                .cors(cors -> cors.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                + "script-src 'self' 'unsafe-inline'; frame-ancestors 'none'")))
                .authorizeHttpRequests(authorize -> authorize
                        // an async dispatch (SSE, streamed bodies) and an error dispatch belong to a
                        // request that was already authorized; the stateless context is not kept for them
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers(publicPaths).permitAll()
                        .requestMatchers(internal).authenticated()
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) ->
                                ErrorResponses.write(response, ErrorKind.UNAUTHORIZED, "Authentication required"))
                        .accessDeniedHandler((request, response, e) ->
                                ErrorResponses.write(response, ErrorKind.FORBIDDEN, "Forbidden")))
                .addFilterBefore(new InternalEndpointFilter(platform.serviceKey()), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new JwtAuthenticationFilter(verifier, new OrRequestMatcher(publicPaths, internal)),
                        AnonymousAuthenticationFilter.class);
        return http.build();
    }

    static RequestMatcher publicPaths(CrowPlatformProperties platform) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        String service = platform.serviceName();
        List<RequestMatcher> matchers = new ArrayList<>();
        for (String pattern : List.of("/api/v1/" + service + "/health", "/api/v1/" + service + "/ready",
                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error",
                "/actuator/health", "/actuator/health/**", "/actuator/prometheus")) {
            matchers.add(paths.matcher(pattern));
        }
        for (String pattern : platform.publicPaths()) {
            matchers.add(paths.matcher(pattern));
        }
        return new OrRequestMatcher(matchers);
    }
}
