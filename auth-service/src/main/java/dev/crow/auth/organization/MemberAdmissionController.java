package dev.crow.auth.organization;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.crow.platform.error.CrowException;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Internal: org-service asks auth-service, the owner of memberships, to add a member once an
 * invitation is accepted (or a known user is invited). The service key guards {@code /internal/**}.
 */
@RestController
class MemberAdmissionController {

    private final OrganizationMemberships memberships;

    MemberAdmissionController(OrganizationMemberships memberships) {
        this.memberships = memberships;
    }

    @PostMapping("/internal/auth/organizations/{id}/members")
    @ResponseStatus(HttpStatus.CREATED)
    OrganizationViews.MemberView add(@PathVariable String id, @RequestBody AddMember body) {
        if (body == null || body.userId() == null) {
            throw CrowException.invalid("userId");
        }
        UUID organizationId = uuid(id, "Organization");
        UUID userId = uuid(body.userId(), "User");
        MemberRole role = MemberRole.fromWireName(body.role() == null ? "member" : body.role());
        return OrganizationViews.MemberView.of(memberships.addMember(organizationId, userId, role));
    }

    private static UUID uuid(String value, String what) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw CrowException.notFound(what);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AddMember(String userId, String role) {
    }
}
