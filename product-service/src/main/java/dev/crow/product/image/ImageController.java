package dev.crow.product.image;

import dev.crow.platform.error.CrowException;
import dev.crow.platform.storage.ObjectStore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * Serves stored product images without authentication (dashboards and shops embed them).
 * Keys are unguessable and content under a key never changes, hence the immutable year-long
 * cache and an ETag that is the key itself.
 */
@RestController
class ImageController {

    static final String CACHE = "public, max-age=31536000, immutable";

    private final ObjectStore store;

    ImageController(ObjectStore store) {
        this.store = store;
    }

    @GetMapping("/api/v1/products/images/{key}")
    ResponseEntity<byte[]> image(@PathVariable String key, WebRequest request) {
        ImageType type = ImageKey.type(key).orElseThrow(() -> CrowException.notFound("Image"));
        String etag = "\"" + key + "\"";
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(304).eTag(etag).header(HttpHeaders.CACHE_CONTROL, CACHE).build();
        }
        byte[] bytes = store.get(ImageKey.storeKey(key)).orElseThrow(() -> CrowException.notFound("Image")).content();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(type.contentType()))
                .contentLength(bytes.length)
                .header(HttpHeaders.CACHE_CONTROL, CACHE)
                .eTag(etag)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "inline")
                .body(bytes);
    }
}
