package dev.crow.auth.introspection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.crow.auth.organization.Membership;
import dev.crow.platform.client.InternalServices;
import dev.crow.platform.config.CrowPlatformProperties;
import dev.crow.platform.security.Permission;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * A member's feature permissions as user-service keeps them (admins may restrict a member
 * there). If user-service cannot be asked, the last answer it gave stands, so that an outage
 * never undoes a restriction; only a member user-service has never answered for gets the
 * role's defaults. Without a configured user-service the role's defaults are the permissions.
 */
@Component
class UserPermissions {

    private static final Logger log = LoggerFactory.getLogger(UserPermissions.class);

    private final InternalServices services;
    private final boolean userServiceConfigured;
    private final Cache<String, Set<Permission>> lastAnswers = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofDays(1))
            .build();

    UserPermissions(InternalServices services, CrowPlatformProperties platform) {
        this.services = services;
        this.userServiceConfigured = platform.services().containsKey("users");
    }

    Set<Permission> of(Membership member) {
        if (!userServiceConfigured) {
            return member.permissions();
        }
        String key = member.userId() + "/" + member.organizationId() + "/" + member.role().wireName();
        try {
            Answer answer = services.service("users").get()
                    .uri("/internal/users/{userId}/permissions?organizationId={organizationId}&role={role}",
                            member.userId(), member.organizationId(), member.role().wireName())
                    .retrieve()
                    .body(Answer.class);
            Set<Permission> permissions = answer == null ? member.permissions() : parse(answer.permissions());
            lastAnswers.put(key, permissions);
            return permissions;
        } catch (RestClientException e) {
            Set<Permission> known = lastAnswers.getIfPresent(key);
            if (known != null) {
                return known;
            }
            log.warn("user-service did not answer for permissions ({}); using the role's defaults",
                    e.getClass().getSimpleName());
            return member.permissions();
        }
    }

    private static Set<Permission> parse(List<String> names) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        if (names != null) {
            names.forEach(name -> Permission.fromWireName(name).ifPresent(permissions::add));
        }
        return permissions;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(List<String> permissions) {
    }
}
