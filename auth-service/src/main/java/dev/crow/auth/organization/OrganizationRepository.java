package dev.crow.auth.organization;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OrganizationRepository extends JpaRepository<Organization, UUID> {

    Optional<Organization> findBySlug(String slug);

    boolean existsBySlug(String slug);

    @Query("select o from Organization o where o.id in (select m.organizationId from Member m where m.userId = :userId) order by o.createdAt, o.id")
    List<Organization> findAllOfUser(UUID userId);
}
