package dev.crow.auth.recovery;

import dev.crow.auth.AuthClock;
import dev.crow.auth.Hashes;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Issues and redeems verification tokens: random 32 bytes, hashed at rest, single-use, expiring. */
@Component
class VerificationTokens {

    private final VerificationTokenRepository tokens;
    private final AuthClock clock;

    VerificationTokens(VerificationTokenRepository tokens, AuthClock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A raw token and when it expires. */
    record IssuedToken(String token, Instant expiresAt) {
    }

    /** A new token; older unused tokens of the same purpose stop working. */
    @Transactional
    IssuedToken issue(UUID userId, TokenPurpose purpose) {
        tokens.deleteAllOf(userId, purpose);
        String token = Hashes.randomToken(32);
        VerificationToken stored = new VerificationToken(userId, purpose, Hashes.sha256(token), clock.now());
        tokens.save(stored);
        return new IssuedToken(token, stored.getExpiresAt());
    }

    /** The user a live token belongs to, without using it up. */
    @Transactional(readOnly = true)
    Optional<UUID> peek(String token, TokenPurpose purpose) {
        return live(token, purpose).map(VerificationToken::getUserId);
    }

    /** Uses the token up: exactly one caller gets the user id, however many race. */
    @Transactional
    Optional<UUID> redeem(String token, TokenPurpose purpose) {
        return live(token, purpose).filter(found -> tokens.claim(found.getId()) == 1).map(VerificationToken::getUserId);
    }

    private Optional<VerificationToken> live(String token, TokenPurpose purpose) {
        if (token == null || token.isBlank() || token.length() > 128) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(Hashes.sha256(token))
                .filter(found -> found.getPurpose() == purpose)
                .filter(found -> found.getExpiresAt().isAfter(clock.now()));
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT7M")
    @Transactional
    void purgeExpired() {
        tokens.deleteExpiredBefore(clock.now());
    }
}
