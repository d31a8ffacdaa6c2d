package dev.crow.auth.apikey;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.crow.auth.organization.Membership;
import dev.crow.auth.organization.Organizations;
import dev.crow.auth.session.SessionState;
import dev.crow.auth.session.Sessions;
import dev.crow.platform.error.CrowException;
import dev.crow.platform.error.ErrorKind;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Better Auth api-key plugin routes for the signed-in user: create, list, delete. */
@RestController
@RequestMapping("/api/v1/auth/api-key")
class ApiKeyController {

    private final Sessions sessions;
    private final Organizations organizations;
    private final ApiKeys apiKeys;

    ApiKeyController(Sessions sessions, Organizations organizations, ApiKeys apiKeys) {
        this.sessions = sessions;
        this.organizations = organizations;
        this.apiKeys = apiKeys;
    }

    /** The plaintext key is in this answer and nowhere else, ever. */
    @PostMapping("/create")
    ApiKeyView create(@RequestBody CreateRequest body, HttpServletRequest request) {
        SessionState session = sessions.require(request);
        if (session.activeOrganizationId() == null) {
            throw new CrowException(ErrorKind.FORBIDDEN, "NO_ACTIVE_ORGANIZATION",
                    "Set an active organization before creating an API key");
        }
        Membership membership = organizations.membership(session.userId(), session.activeOrganizationId())
                .orElseThrow(() -> new CrowException(ErrorKind.FORBIDDEN, "USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION",
                        "You are not a member of this organization"));
        return apiKeys.create(membership, body.name(), body.expiresIn(), body.permissions());
    }

    @GetMapping("/list")
    ListResponse list(HttpServletRequest request) {
        SessionState session = sessions.require(request);
        List<ApiKeyView> keys = apiKeys.listOf(session.userId());
        return new ListResponse(keys, keys.size());
    }

    @PostMapping("/delete")
    Map<String, Boolean> delete(@RequestBody DeleteRequest body, HttpServletRequest request) {
        SessionState session = sessions.require(request);
        apiKeys.delete(session.userId(), body.keyId());
        return Map.of("success", true);
    }

    /**
     * {@code userId}, {@code prefix}, {@code metadata}, {@code enabled} and anything else a
     * client adds are ignored: the owner is the caller, the scope their active organization.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CreateRequest(String name, Long expiresIn, List<String> permissions) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DeleteRequest(String keyId) {
    }

    record ListResponse(List<ApiKeyView> apiKeys, int total) {
    }
}
