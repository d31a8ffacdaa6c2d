package dev.crow.user.notification;

import dev.crow.platform.events.CrowEventHandler;
import dev.crow.platform.events.types.MemberAdded;
import dev.crow.platform.events.types.MemberRoleChanged;
import dev.crow.user.directory.Directory;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Tells a user in-app when they join an organization or their role in it changes. */
@Component
class MembershipNotifications {

    private final Notifications notifications;
    private final Directory directory;

    MembershipNotifications(Notifications notifications, Directory directory) {
        this.notifications = notifications;
        this.directory = directory;
    }

    @CrowEventHandler
    void on(MemberAdded added) {
        UUID organizationId = UUID.fromString(added.organizationId());
        String organization = directory.organizationName(organizationId).orElse("an organization");
        notifications.notify(UUID.fromString(added.userId()), organizationId, "member.added",
                "Welcome to " + organization, "You were added to " + organization + " as " + added.role() + ".");
    }

    @CrowEventHandler
    void on(MemberRoleChanged changed) {
        UUID organizationId = UUID.fromString(changed.organizationId());
        String organization = directory.organizationName(organizationId).orElse("your organization");
        notifications.notify(UUID.fromString(changed.userId()), organizationId, "member.role_changed",
                "Your role changed", "You are now " + changed.role() + " in " + organization + ".");
    }
}
