package dev.crow.auth;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;

/**
 * The one source of "now" in auth-service. Instants are cut to milliseconds before they are
 * stored or serialized, so what the database holds is exactly what the Better Auth client
 * parses (its date reviver accepts at most 7 fractional digits; we print exactly 3).
 */
@Component
public class AuthClock {

    private final Clock clock;

    public AuthClock(Clock clock) {
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
