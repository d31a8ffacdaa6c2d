package dev.crow.auth.recovery;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface VerificationTokenRepository extends JpaRepository<VerificationToken, UUID> {

    Optional<VerificationToken> findByTokenHash(String tokenHash);

    /** 1 for the one caller that gets to use the token, 0 for anybody racing it. */
    @Modifying
    @Query("delete from VerificationToken t where t.id = :id")
    int claim(UUID id);

    /** A new token replaces older unused ones of the same purpose. */
    @Modifying
    @Query("delete from VerificationToken t where t.userId = :userId and t.purpose = :purpose")
    int deleteAllOf(UUID userId, TokenPurpose purpose);

    @Modifying
    @Query("delete from VerificationToken t where t.expiresAt < :before")
    int deleteExpiredBefore(Instant before);
}
