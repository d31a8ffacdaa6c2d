package dev.crow.auth.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A way for a user to sign in (Better Auth's "account"). Only the {@code credential}
 * provider exists so far: email and an Argon2id password hash.
 */
@Entity
@Table(name = "accounts")
class CredentialAccount {

    static final String CREDENTIAL_PROVIDER = "credential";

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Column(name = "provider_id", nullable = false, length = 32)
    private String providerId;

    @Column(name = "account_id", nullable = false, length = 254)
    private String accountId;

    @Column(name = "password_hash", length = 256)
    private String passwordHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected CredentialAccount() {
    }

    CredentialAccount(UUID userId, String passwordHash, Instant now) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.providerId = CREDENTIAL_PROVIDER;
        this.accountId = userId.toString();
        this.passwordHash = passwordHash;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void changePassword(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        this.updatedAt = now;
    }

    String getPasswordHash() {
        return passwordHash;
    }
}
