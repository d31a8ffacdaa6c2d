package dev.crow.user.directory;

import dev.crow.platform.error.CrowException;
import dev.crow.platform.events.CrowEvents;
import dev.crow.platform.events.types.UserUpdated;
import dev.crow.platform.storage.ObjectStore;
import java.net.URI;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Changes to a profile made here (name, picture), announced as {@code user.updated} so that the
 * services showing users (org-service's member list) follow.
 */
@Component
public class ProfileChanges {

    private final JdbcClient jdbc;
    private final Directory directory;
    private final CrowEvents events;
    private final ObjectStore objects;

    ProfileChanges(JdbcClient jdbc, Directory directory, CrowEvents events, ObjectStore objects) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.events = events;
        this.objects = objects;
    }

    /**
     * @param name       new name, or {@code null} to keep it
     * @param pictureUrl new picture URL, {@code ""} to remove it, {@code null} to keep it
     * @param pictureKey object key when the picture was uploaded here
     */
    @Transactional
    public UserProfile update(UUID userId, String name, String pictureUrl, String pictureKey) {
        UserProfile current = directory.profile(userId).orElseThrow(() -> CrowException.notFound("User"));
        String newName = name == null ? current.name() : name.strip();
        String newUrl = pictureUrl == null ? current.profilePictureUrl() : pictureUrl.isEmpty() ? null : pictureUrl;
        String newKey = pictureUrl == null ? current.pictureKey() : pictureKey;
        jdbc.sql("update user_profile set name = ?, profile_picture_url = ?, picture_key = ?, updated_at = now() "
                        + "where id = ?")
                .param(newName).param(newUrl).param(newKey).param(userId)
                .update();
        events.publish(new UserUpdated(userId.toString(), current.email(), newName, newUrl));
        String replacedKey = current.pictureKey();
        if (replacedKey != null && !replacedKey.equals(newKey)) {
            // the old picture goes only once the new one is committed
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    objects.delete(replacedKey);
                }
            });
        }
        return directory.profile(userId).orElseThrow();
    }

    /** A picture URL a client may set: http(s) with a host, nothing that a browser would execute. */
    static String checkedPictureUrl(String url) {
        if (url == null || url.isEmpty()) {
            return url;
        }
        try {
            URI uri = URI.create(url);
            boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            if (!web || uri.getHost() == null || uri.getUserInfo() != null) {
                throw CrowException.invalid("profilePictureUrl");
            }
            return url;
        } catch (IllegalArgumentException e) {
            throw CrowException.invalid("profilePictureUrl");
        }
    }
}
