package dev.crow.platform.events.types;

import java.util.Optional;

/** Every event type the platform knows, with its wire name and payload record (docs/events.md). */
public enum EventType {
    USER_REGISTERED("user.registered", UserRegistered.class),
    USER_UPDATED("user.updated", UserUpdated.class),
    ORGANIZATION_CREATED("organization.created", OrganizationCreated.class),
    ORGANIZATION_UPDATED("organization.updated", OrganizationUpdated.class),
    ORGANIZATION_TIER_CHANGED("organization.tier_changed", OrganizationTierChanged.class),
    MEMBER_ADDED("member.added", MemberAdded.class),
    MEMBER_ROLE_CHANGED("member.role_changed", MemberRoleChanged.class),
    MEMBER_REMOVED("member.removed", MemberRemoved.class);

    private final String wireName;
    private final Class<? extends EventPayload> payloadType;

    EventType(String wireName, Class<? extends EventPayload> payloadType) {
        this.wireName = wireName;
        this.payloadType = payloadType;
    }

    public String wireName() {
        return wireName;
    }

    public Class<? extends EventPayload> payloadType() {
        return payloadType;
    }

    public static Optional<EventType> fromWireName(String name) {
        for (EventType type : values()) {
            if (type.wireName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    public static EventType of(Class<?> payloadType) {
        for (EventType type : values()) {
            if (type.payloadType.equals(payloadType)) {
                return type;
            }
        }
        throw new IllegalArgumentException(payloadType.getName() + " is not a CROW event payload listed in EventType");
    }
}
