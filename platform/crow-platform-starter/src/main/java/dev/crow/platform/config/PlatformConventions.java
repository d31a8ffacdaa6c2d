package dev.crow.platform.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults every service shares, added with the lowest precedence so a service or deployment
 * can still override them: the schema-per-service rules (Flyway migrates only the service's
 * schema, Hibernate validates against it and never changes it), errors without internals,
 * request ids in every log line, and virtual threads where the JVM has them.
 */
public class PlatformConventions implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        String schema = environment.getProperty("crow.platform.schema");
        if (schema != null && !schema.isBlank()) {
            defaults.put("spring.flyway.schemas", schema);
            defaults.put("spring.flyway.default-schema", schema);
            defaults.put("spring.flyway.create-schemas", "true");
            defaults.put("spring.jpa.properties.hibernate.default_schema", schema);
            defaults.put("spring.modulith.events.jdbc.schema", schema);
        }
        defaults.put("spring.jpa.hibernate.ddl-auto", "validate");
        defaults.put("spring.jpa.open-in-view", "false");
        defaults.put("spring.mvc.problemdetails.enabled", "false");
        // callers are authenticated by the gateway's JWT; no in-memory user with a generated password
        defaults.put("spring.autoconfigure.exclude",
                "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration");
        defaults.put("server.error.include-stacktrace", "never");
        defaults.put("server.error.include-message", "never");
        defaults.put("server.error.whitelabel.enabled", "false");
        defaults.put("server.shutdown", "graceful");
        defaults.put("spring.servlet.multipart.max-file-size", "10MB");
        defaults.put("spring.servlet.multipart.max-request-size", "11MB");
        defaults.put("server.tomcat.max-swallow-size", "12MB");
        defaults.put("logging.pattern.level", "%5p [%X{requestId:-}]");
        defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus,metrics");
        defaults.put("springdoc.swagger-ui.path", "/swagger-ui.html");
        if (Runtime.version().feature() >= 21) {
            defaults.put("spring.threads.virtual.enabled", "true");
        }
        environment.getPropertySources().addLast(new MapPropertySource("crowPlatformConventions", defaults));
    }
}
