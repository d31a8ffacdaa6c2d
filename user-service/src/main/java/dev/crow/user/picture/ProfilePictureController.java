package dev.crow.user.picture;

import dev.crow.platform.error.CrowException;
import dev.crow.platform.security.CallerContext;
import dev.crow.platform.storage.ObjectKeys;
import dev.crow.platform.storage.ObjectStore;
import dev.crow.platform.storage.StoredObject;
import dev.crow.user.UserProperties;
import dev.crow.user.directory.Directory;
import dev.crow.user.directory.ProfileChanges;
import dev.crow.user.directory.UserProfile;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploading a profile picture (the user, or an admin for a member) and serving it back under an
 * unguessable public URL ({@code /api/v1/users/profile-pictures/{userId}/{file}}), immutable
 * because every upload gets a new name.
 */
@RestController
class ProfilePictureController {

    private static final Pattern FILE = Pattern.compile("[0-9a-f]{32}\\.(png|jpg)");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Directory directory;
    private final ProfileChanges profiles;
    private final PictureProcessor processor;
    private final ObjectStore objects;
    private final String publicBase;

    ProfilePictureController(Directory directory, ProfileChanges profiles, PictureProcessor processor,
            ObjectStore objects, UserProperties properties) {
        this.directory = directory;
        this.profiles = profiles;
        this.processor = processor;
        this.objects = objects;
        this.publicBase = properties.publicBaseUrl().toString().replaceAll("/+$", "");
    }

    @PostMapping(path = "/api/v1/users/{id}/profile-picture", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, String> upload(@PathVariable UUID id, @RequestParam("file") MultipartFile file, CallerContext caller)
            throws IOException {
        directory.requireEditable(caller, id);
        PictureProcessor.Picture picture = processor.process(file.getBytes());
        String name = HexFormat.of().formatHex(randomBytes()) + "." + picture.extension();
        String key = "profile-pictures/" + id + "/" + name;
        objects.put(key, picture.bytes(), picture.contentType());
        String url = publicBase + "/api/v1/users/profile-pictures/" + id + "/" + name;
        UserProfile profile = profiles.update(id, null, url, key);
        return Map.of("profilePictureUrl", profile.profilePictureUrl());
    }

    @GetMapping("/api/v1/users/profile-pictures/{userId}/{file}")
    ResponseEntity<byte[]> serve(@PathVariable UUID userId, @PathVariable String file) {
        if (!FILE.matcher(file).matches()) {
            throw CrowException.notFound("Picture");
        }
        String key = ObjectKeys.requireSafe("profile-pictures/" + userId + "/" + file);
        StoredObject object = objects.get(key).orElseThrow(() -> CrowException.notFound("Picture"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(object.contentType()))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "inline")
                .body(object.content());
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
