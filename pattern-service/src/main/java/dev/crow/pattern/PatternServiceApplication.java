package dev.crow.pattern;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** pattern-service: mines patterns from interactions in background jobs and serves them. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PatternServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PatternServiceApplication.class, args);
    }
}
