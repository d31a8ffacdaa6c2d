package dev.crow.auth.organization;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.crow.auth.WireNull;
import dev.crow.auth.organization.OrganizationViews.FullOrganizationView;
import dev.crow.auth.organization.OrganizationViews.OrganizationView;
import dev.crow.auth.session.SessionState;
import dev.crow.auth.session.Sessions;
import dev.crow.platform.error.CrowException;
import dev.crow.platform.error.ErrorKind;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Better Auth organization plugin routes: create, list, set-active. */
@RestController
@RequestMapping("/api/v1/auth/organization")
class OrganizationController {

    private final Sessions sessions;
    private final OrganizationMemberships memberships;
    private final OrganizationRepository organizations;
    private final MemberRepository members;
    private final OrganizationMetadata metadata;

    OrganizationController(Sessions sessions, OrganizationMemberships memberships, OrganizationRepository organizations,
            MemberRepository members, OrganizationMetadata metadata) {
        this.sessions = sessions;
        this.memberships = memberships;
        this.organizations = organizations;
        this.members = members;
        this.metadata = metadata;
    }

    /** Creates the organization with the caller as owner and makes it the session's active one. */
    @PostMapping("/create")
    FullOrganizationView create(@RequestBody CreateRequest body, HttpServletRequest request) {
        SessionState session = sessions.require(request);
        NewOrganization input = NewOrganization.of(body.name(), body.slug(), body.logo());
        Organization organization = memberships.create(session.userId(), input, metadata.encode(body.metadata()));
        if (!Boolean.TRUE.equals(body.keepCurrentActiveOrganization())) {
            sessions.setActiveOrganization(session, organization.getId());
        }
        return full(organization);
    }

    @GetMapping("/list")
    List<OrganizationView> list(HttpServletRequest request) {
        SessionState session = sessions.require(request);
        return organizations.findAllOfUser(session.userId()).stream()
                .map(organization -> OrganizationView.of(organization, metadata.decode(organization.getMetadata())))
                .toList();
    }

    /** Sets (or with a null id, clears) the session's active organization; the caller must be a member. */
    @PostMapping("/set-active")
    ResponseEntity<Object> setActive(@RequestBody SetActiveRequest body, HttpServletRequest request) {
        SessionState session = sessions.require(request);
        if (body.organizationId() == null && body.organizationSlug() == null) {
            sessions.setActiveOrganization(session, null);
            return WireNull.ok();
        }
        Optional<Organization> organization = body.organizationId() != null
                ? parse(body.organizationId()).flatMap(organizations::findById)
                : Optional.of(NewOrganization.normalizeSlug(body.organizationSlug())).filter(NewOrganization::isSlug)
                        .flatMap(organizations::findBySlug);
        Organization target = organization
                .filter(found -> members.findByOrganizationIdAndUserId(found.getId(), session.userId()).isPresent())
                .orElseThrow(() -> new CrowException(ErrorKind.FORBIDDEN, "USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION",
                        "You are not a member of this organization"));
        sessions.setActiveOrganization(session, target.getId());
        return ResponseEntity.ok(full(target));
    }

    private FullOrganizationView full(Organization organization) {
        return FullOrganizationView.of(organization, metadata.decode(organization.getMetadata()),
                members.findByOrganizationIdOrderByCreatedAt(organization.getId()));
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code userId} and anything else a client adds are ignored: the owner is always the caller. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CreateRequest(String name, String slug, String logo, Map<String, Object> metadata,
            Boolean keepCurrentActiveOrganization) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SetActiveRequest(String organizationId, String organizationSlug) {
    }
}
