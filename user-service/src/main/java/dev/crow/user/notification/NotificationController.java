package dev.crow.user.notification;

import dev.crow.platform.security.CallerContext;
import dev.crow.platform.web.PageQuery;
import dev.crow.platform.web.PageResponse;
import dev.crow.user.directory.Directory;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's in-app notifications. */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    PageResponse<Notifications.NotificationView> list(CallerContext caller, PageQuery page) {
        return notifications.list(userId(caller), Directory.organizationOf(caller), page);
    }

    @PostMapping("/{id}/read")
    Notifications.NotificationView read(@PathVariable UUID id, CallerContext caller) {
        return notifications.markRead(userId(caller), Directory.organizationOf(caller), id);
    }

    @PostMapping("/read-all")
    Map<String, Integer> readAll(CallerContext caller) {
        return Map.of("updated", notifications.markAllRead(userId(caller), Directory.organizationOf(caller)));
    }

    private static UUID userId(CallerContext caller) {
        return UUID.fromString(caller.userId());
    }
}
