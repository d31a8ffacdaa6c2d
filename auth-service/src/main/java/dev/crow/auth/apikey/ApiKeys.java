package dev.crow.auth.apikey;

import dev.crow.auth.AuthClock;
import dev.crow.auth.DisplayNames;
import dev.crow.auth.Hashes;
import dev.crow.auth.organization.Membership;
import dev.crow.platform.error.CrowException;
import dev.crow.platform.error.ErrorKind;
import dev.crow.platform.security.Permission;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Creating, listing, revoking and checking API keys. */
@Component
public class ApiKeys {

    static final int MAX_KEYS_PER_USER = 100;
    static final Duration MIN_EXPIRES_IN = Duration.ofDays(1);
    static final Duration MAX_EXPIRES_IN = Duration.ofDays(365);
    /** How stale {@code lastRequest} may get before a use writes it again. */
    static final Duration LAST_REQUEST_RESOLUTION = Duration.ofMinutes(1);

    private final ApiKeyRepository keys;
    private final AuthClock clock;

    ApiKeys(ApiKeyRepository keys, AuthClock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * A new key for the member, scoped to the membership's organization. Requested permissions
     * must be ones the member holds; by default the key gets all of them.
     */
    @Transactional
    ApiKeyView create(Membership creator, String name, Long expiresInSeconds, List<String> requestedPermissions) {
        if (!creator.permissions().contains(Permission.API_KEY_MANAGEMENT)) {
            throw new CrowException(ErrorKind.FORBIDDEN, "Missing permission: apiKeyManagement");
        }
        String trimmedName = DisplayNames.optional(name, 100, "name");
        Set<Permission> permissions = permissionsFor(creator, requestedPermissions);
        Instant now = clock.now();
        Instant expiresAt = null;
        if (expiresInSeconds != null) {
            Duration expiresIn = Duration.ofSeconds(expiresInSeconds);
            if (expiresIn.compareTo(MIN_EXPIRES_IN) < 0) {
                throw new CrowException(ErrorKind.VALIDATION, "EXPIRES_IN_IS_TOO_SMALL",
                        "The expiresIn is smaller than the predefined minimum value.");
            }
            if (expiresIn.compareTo(MAX_EXPIRES_IN) > 0) {
                throw new CrowException(ErrorKind.VALIDATION, "EXPIRES_IN_IS_TOO_LARGE",
                        "The expiresIn is larger than the predefined maximum value.");
            }
            expiresAt = now.plus(expiresIn);
        }
        if (keys.countByUserId(creator.userId()) >= MAX_KEYS_PER_USER) {
            throw new CrowException(ErrorKind.VALIDATION, "API_KEY_LIMIT_REACHED",
                    "You have reached the maximum number of API keys; delete unused ones first");
        }
        String plaintext = ApiKeySecrets.generate();
        ApiKey key = new ApiKey(trimmedName, plaintext, creator.userId(), creator.organizationId(), permissions,
                expiresAt, now);
        keys.save(key);
        return ApiKeyView.of(key, plaintext, null);
    }

    @Transactional(readOnly = true)
    List<ApiKeyView> listOf(UUID userId) {
        return keys.findByUserIdOrderByCreatedAtAscIdAsc(userId).stream().map(ApiKeyView::of).toList();
    }

    /** Revokes (deletes) one of the user's own keys; anybody else's is 404 {@code KEY_NOT_FOUND}, like a missing one. */
    @Transactional
    void delete(UUID userId, String keyId) {
        ApiKey key = parse(keyId).flatMap(id -> keys.findByIdAndUserId(id, userId))
                .orElseThrow(() -> new CrowException(ErrorKind.NOT_FOUND, "KEY_NOT_FOUND", "API Key not found"));
        keys.delete(key);
    }

    /** Checks a presented key and records its use (at most once a minute). */
    @Transactional
    public ApiKeyCheck verify(String presented) {
        if (!ApiKeySecrets.isWellFormed(presented)) {
            return ApiKeyCheck.failed(ApiKeyCheck.Failure.INVALID_API_KEY);
        }
        String hash = ApiKeySecrets.hash(presented);
        Optional<ApiKey> found = keys.findByKeyHash(hash);
        if (found.isEmpty() || !Hashes.constantTimeEquals(found.get().getKeyHash(), hash)) {
            return ApiKeyCheck.failed(ApiKeyCheck.Failure.INVALID_API_KEY);
        }
        ApiKey key = found.get();
        Instant now = clock.now();
        if (!key.isEnabled()) {
            return ApiKeyCheck.failed(ApiKeyCheck.Failure.KEY_DISABLED);
        }
        if (key.isExpired(now)) {
            return ApiKeyCheck.failed(ApiKeyCheck.Failure.KEY_EXPIRED);
        }
        Instant lastRequest = key.getLastRequest();
        Instant staleBefore = now.minus(LAST_REQUEST_RESOLUTION);
        if ((lastRequest == null || lastRequest.isBefore(staleBefore)) && keys.touch(key.getId(), now, staleBefore) == 1) {
            lastRequest = now;
        }
        return new ApiKeyCheck(null, new ApiKeyCheck.Valid(key.getId(), key.getUserId(), key.getOrganizationId(),
                key.getPermissions(), ApiKeyView.of(key, null, lastRequest)));
    }

    private static Set<Permission> permissionsFor(Membership creator, List<String> requested) {
        if (requested == null) {
            return creator.permissions();
        }
        if (requested.isEmpty()) {
            throw CrowException.invalid("permissions");
        }
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (String name : requested) {
            Permission permission = Permission.fromWireName(name).orElseThrow(() -> CrowException.invalid("permissions"));
            if (!creator.permissions().contains(permission)) {
                throw new CrowException(ErrorKind.FORBIDDEN, "Missing permission: " + permission.wireName());
            }
            permissions.add(permission);
        }
        return permissions;
    }

    private static Optional<UUID> parse(String id) {
        try {
            return id == null ? Optional.empty() : Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
