package dev.crow.auth.recovery;

import java.time.Duration;

/** What a verification token proves, and for how long. */
enum TokenPurpose {
    RESET_PASSWORD(Duration.ofHours(1)),
    VERIFY_EMAIL(Duration.ofHours(24));

    private final Duration lifetime;

    TokenPurpose(Duration lifetime) {
        this.lifetime = lifetime;
    }

    Duration lifetime() {
        return lifetime;
    }
}
