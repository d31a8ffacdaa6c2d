package dev.crow.interaction.tracker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/interactions/tracker.js}, public (listed in {@code crow.platform.public-paths}):
 * the script sites embed. It is read once at startup and served with an ETag, so browsers and
 * CDNs revalidate cheaply.
 */
@RestController
class TrackerScriptController {

    private static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");

    private final byte[] script;
    private final String etag;

    TrackerScriptController() {
        try (InputStream in = TrackerScriptController.class.getResourceAsStream("tracker.js")) {
            if (in == null) {
                throw new IllegalStateException("tracker.js is missing from the classpath");
            }
            this.script = in.readAllBytes();
            this.etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(script), 0, 8) + "\"";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @GetMapping("/api/v1/interactions/tracker.js")
    ResponseEntity<byte[]> script(@RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch) {
        CacheControl cache = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();
        if (etag.equals(ifNoneMatch)) {
            return ResponseEntity.status(304).eTag(etag).cacheControl(cache).build();
        }
        return ResponseEntity.ok().contentType(JAVASCRIPT).eTag(etag).cacheControl(cache).body(script);
    }
}
