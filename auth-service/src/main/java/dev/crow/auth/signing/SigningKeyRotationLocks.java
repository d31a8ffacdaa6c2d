package dev.crow.auth.signing;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface SigningKeyRotationLocks extends Repository<SigningKeyRotationLock, Short> {

    /** Blocks until no other transaction holds the rotation row. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from SigningKeyRotationLock l where l.id = :id")
    Optional<SigningKeyRotationLock> lock(short id);
}
