package dev.crow.org;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** org-service: organization profiles, the members view and invitations (schema {@code orgs}). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OrgServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrgServiceApplication.class, args);
    }
}
