package dev.crow.auth.signing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SigningKeyRepository extends JpaRepository<SigningKey, UUID> {

    /** Keys that sign (not retired), newest first. */
    List<SigningKey> findByRetiredAtIsNullOrderByCreatedAtDesc();

    /** Everything that may still be published at {@code now}. */
    @Query("select k from SigningKey k where k.publishUntil is null or k.publishUntil > :now order by k.createdAt desc")
    List<SigningKey> findPublishable(Instant now);

    @Modifying
    @Query("delete from SigningKey k where k.publishUntil is not null and k.publishUntil <= :now")
    int deleteUnpublishedBefore(Instant now);
}
