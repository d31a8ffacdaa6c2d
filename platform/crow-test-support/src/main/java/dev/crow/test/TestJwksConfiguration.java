package dev.crow.test;

import dev.crow.platform.security.JwksSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Verifies internal JWTs with {@link TestJwts#shared()}'s key instead of fetching auth-service's JWKS. */
@TestConfiguration(proxyBeanMethods = false)
public class TestJwksConfiguration {

    @Bean
    JwksSource testJwksSource() {
        return TestJwts.shared().jwksSource();
    }
}
