package dev.crow.auth.apikey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApiKeyRepository extends JpaRepository<ApiKey, UUID> {

    Optional<ApiKey> findByKeyHash(String keyHash);

    List<ApiKey> findByUserIdOrderByCreatedAtAscIdAsc(UUID userId);

    Optional<ApiKey> findByIdAndUserId(UUID id, UUID userId);

    long countByUserId(UUID userId);

    /** Records use at most once per interval: concurrent verifications of a hot key cost one write a minute. */
    @Modifying
    @Query("update ApiKey k set k.lastRequest = :now where k.id = :id and (k.lastRequest is null or k.lastRequest < :staleBefore)")
    int touch(UUID id, Instant now, Instant staleBefore);
}
