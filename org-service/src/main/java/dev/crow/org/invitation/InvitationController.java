package dev.crow.org.invitation;

import dev.crow.platform.error.CrowException;
import dev.crow.platform.security.CallerContext;
import dev.crow.platform.security.Permission;
import dev.crow.platform.web.PageQuery;
import dev.crow.platform.web.PageResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Inviting members (owners and admins with team management) and accepting invitations (the invitee). */
@RestController
@RequestMapping("/api/v1/organizations")
class InvitationController {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s\"<>,;]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63}");

    private final Invitations invitations;

    InvitationController(Invitations invitations) {
        this.invitations = invitations;
    }

    /**
     * @param email who to invite
     * @param role  member or admin
     */
    record Invite(@NotBlank @Size(max = 254) String email, @NotBlank String role) {
    }

    /** @param token the token from the invitation link */
    record Accept(@NotBlank @Size(max = 128) String token) {
    }

    @PostMapping("/{organizationId}/members")
    ResponseEntity<Invitations.Outcome> invite(@PathVariable UUID organizationId, @Valid @RequestBody Invite invite,
            CallerContext caller) {
        requireTeamManager(caller, organizationId);
        String email = invite.email().strip().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(email).matches()) {
            throw CrowException.invalid("email");
        }
        if (!"member".equals(invite.role()) && !"admin".equals(invite.role())) {
            throw CrowException.invalid("role");
        }
        Invitations.Outcome outcome = invitations.invite(organizationId, email, invite.role(), userId(caller));
        return ResponseEntity.status(HttpStatus.CREATED).body(outcome);
    }

    @PostMapping("/invitations/accept")
    Map<String, String> accept(@Valid @RequestBody Accept accept, CallerContext caller) {
        return invitations.accept(accept.token(), userId(caller));
    }

    @GetMapping("/{id}/invitations")
    PageResponse<InvitationView> list(@PathVariable UUID id, CallerContext caller, PageQuery page) {
        requireTeamManager(caller, id);
        return invitations.list(id, page);
    }

    @DeleteMapping("/{id}/invitations/{invitationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable UUID id, @PathVariable UUID invitationId, CallerContext caller) {
        requireTeamManager(caller, id);
        invitations.revoke(id, invitationId);
    }

    @PostMapping("/{id}/invitations/{invitationId}/resend")
    InvitationView resend(@PathVariable UUID id, @PathVariable UUID invitationId, CallerContext caller) {
        requireTeamManager(caller, id);
        return invitations.resend(id, invitationId, userId(caller));
    }

    private static void requireTeamManager(CallerContext caller, UUID organizationId) {
        caller.requireOrganization(organizationId.toString()).requireAdmin().require(Permission.TEAM_MANAGEMENT);
    }

    private static UUID userId(CallerContext caller) {
        try {
            return UUID.fromString(caller.userId());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw CrowException.unauthorized();
        }
    }
}
