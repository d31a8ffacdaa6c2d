package dev.crow.auth.organization;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface MemberRepository extends JpaRepository<Member, UUID> {

    Optional<Member> findByOrganizationIdAndUserId(UUID organizationId, UUID userId);

    List<Member> findByOrganizationIdOrderByCreatedAt(UUID organizationId);
}
