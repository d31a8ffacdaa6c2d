package dev.crow.interaction;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** interaction-service: ingests web, CCTV and social interactions, lists, summarizes and analyzes them. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class InteractionServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(InteractionServiceApplication.class, args);
    }
}
