package dev.crow.auth.signing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One Ed25519 key pair. The private half is sealed with AES-GCM; the public half is published
 * while the key signs and, after retirement, until {@code publishUntil} so tokens it signed
 * can still be verified.
 */
@Entity
@Table(name = "signing_keys")
class SigningKey {

    @Id
    private UUID id;

    @Column(nullable = false, length = 64, unique = true)
    private String kid;

    @Column(nullable = false, length = 16)
    private String algorithm;

    /** X.509 SubjectPublicKeyInfo. */
    @Column(name = "public_key", nullable = false)
    private byte[] publicKey;

    /** AES-GCM nonce followed by the ciphertext of the PKCS#8 private key. */
    @Column(name = "private_key_sealed", nullable = false)
    private byte[] privateKeySealed;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "retired_at")
    private Instant retiredAt;

    @Column(name = "publish_until")
    private Instant publishUntil;

    protected SigningKey() {
    }

    SigningKey(String kid, byte[] publicKey, byte[] privateKeySealed, Instant now) {
        this.id = UUID.randomUUID();
        this.kid = kid;
        this.algorithm = "EdDSA";
        this.publicKey = publicKey.clone();
        this.privateKeySealed = privateKeySealed.clone();
        this.createdAt = now;
    }

    void retire(Instant now, Instant publishUntil) {
        this.retiredAt = now;
        this.publishUntil = publishUntil;
    }

    String getKid() {
        return kid;
    }

    byte[] getPublicKey() {
        return publicKey.clone();
    }

    byte[] getPrivateKeySealed() {
        return privateKeySealed.clone();
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getRetiredAt() {
        return retiredAt;
    }

    Instant getPublishUntil() {
        return publishUntil;
    }
}
