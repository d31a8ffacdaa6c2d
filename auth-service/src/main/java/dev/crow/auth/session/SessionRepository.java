package dev.crow.auth.session;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SessionRepository extends JpaRepository<Session, UUID> {

    Optional<Session> findByTokenHash(String tokenHash);

    @Modifying
    @Query("delete from Session s where s.userId = :userId")
    int deleteAllOfUser(UUID userId);

    @Modifying
    @Query("delete from Session s where s.expiresAt < :before")
    int deleteExpiredBefore(Instant before);
}
