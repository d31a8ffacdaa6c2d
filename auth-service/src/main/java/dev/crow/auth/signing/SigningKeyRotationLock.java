package dev.crow.auth.signing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The single row every instance locks ({@code SELECT … FOR UPDATE}) before it creates or
 * retires keys, so two instances never rotate at the same moment.
 */
@Entity
@Table(name = "signing_key_rotation")
class SigningKeyRotationLock {

    static final short ID = 1;

    @Id
    private short id;

    @Column(name = "rotated_at")
    private Instant rotatedAt;

    protected SigningKeyRotationLock() {
    }

    void rotated(Instant now) {
        this.rotatedAt = now;
    }
}
