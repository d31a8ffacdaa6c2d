package dev.crow.auth.account;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface CredentialAccountRepository extends JpaRepository<CredentialAccount, UUID> {

    Optional<CredentialAccount> findByUserIdAndProviderId(UUID userId, String providerId);
}
