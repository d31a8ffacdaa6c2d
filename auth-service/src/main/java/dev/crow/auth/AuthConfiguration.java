package dev.crow.auth;

import java.time.Clock;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans the features share. */
@Configuration(proxyBeanMethods = false)
class AuthConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Makes Flyway wait for {@link AuthProperties}, whose constructor refuses missing or short
     * secrets: a deployment without them fails on that clear message first, before any
     * database connection or migration is attempted.
     */
    @Bean
    FlywayConfigurationCustomizer authPropertiesBeforeMigrations(AuthProperties properties) {
        return configuration -> {
        };
    }
}
