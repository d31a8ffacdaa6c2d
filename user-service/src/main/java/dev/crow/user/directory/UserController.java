package dev.crow.user.directory;

import dev.crow.platform.error.CrowException;
import dev.crow.platform.security.CallerContext;
import dev.crow.platform.web.PageQuery;
import dev.crow.platform.web.PageResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/users}: the caller, their colleagues, and profile changes. */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

    static final int MIN_SEARCH = 2;
    static final int MAX_SEARCH = 254;

    private final Directory directory;
    private final ProfileChanges profiles;

    UserController(Directory directory, ProfileChanges profiles) {
        this.directory = directory;
        this.profiles = profiles;
    }

    /**
     * @param name              new display name (absent keeps it)
     * @param profilePictureUrl new picture URL, {@code ""} removes it (absent keeps it)
     */
    record ProfileUpdate(@Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*") String name,
            @Size(max = 2048) String profilePictureUrl) {
    }

    @GetMapping("/me")
    UserView me(CallerContext caller) {
        UUID userId = callerId(caller);
        if (caller.organizationId() != null) {
            Optional<Member> member = directory.member(Directory.organizationOf(caller), userId);
            if (member.isPresent()) {
                return UserView.of(member.get());
            }
        }
        return directory.profile(userId).map(UserView::of).orElseThrow(() -> CrowException.notFound("User"));
    }

    @GetMapping("/{id}")
    UserView get(@PathVariable UUID id, CallerContext caller) {
        return UserView.of(directory.requireVisible(caller, id));
    }

    @GetMapping("/by-organization/{organizationId}")
    PageResponse<UserView> byOrganization(@PathVariable String organizationId, CallerContext caller, PageQuery page) {
        caller.requireOrganization(organizationId);
        Directory.MemberPage members = directory.members(Directory.organizationOf(caller), page);
        return PageResponse.of(members.members().stream().map(UserView::of).toList(), page, members.total());
    }

    @GetMapping("/search-email")
    PageResponse<UserView> searchEmail(@RequestParam("q") String query, CallerContext caller, PageQuery page) {
        String prefix = query.strip();
        if (prefix.length() < MIN_SEARCH || prefix.length() > MAX_SEARCH) {
            throw CrowException.invalid("q");
        }
        Directory.MemberPage members = directory.searchByEmail(Directory.organizationOf(caller), prefix, page);
        return PageResponse.of(members.members().stream().map(UserView::of).toList(), page, members.total());
    }

    @PatchMapping("/{id}/profile")
    UserView updateProfile(@PathVariable UUID id, @Valid @RequestBody ProfileUpdate update, CallerContext caller) {
        directory.requireEditable(caller, id);
        String url = ProfileChanges.checkedPictureUrl(update.profilePictureUrl());
        profiles.update(id, update.name(), url, null);
        return UserView.of(directory.member(Directory.organizationOf(caller), id).orElseThrow());
    }

    static UUID callerId(CallerContext caller) {
        try {
            return UUID.fromString(caller.userId());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw CrowException.unauthorized();
        }
    }
}
