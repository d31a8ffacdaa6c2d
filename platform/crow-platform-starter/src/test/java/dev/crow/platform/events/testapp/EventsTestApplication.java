package dev.crow.platform.events.testapp;

import dev.crow.platform.security.JwksSource;
import java.util.Optional;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A service that both produces and receives events, started several times per test on one database. */
@SpringBootApplication
public class EventsTestApplication {

    @Bean
    JwksSource noKeys() {
        return kid -> Optional.empty();
    }
}
