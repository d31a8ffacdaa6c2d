package dev.crow.product.image;

import dev.crow.product.ProductProperties;
import dev.crow.product.fetch.FetchException;
import dev.crow.product.fetch.FetchOptions;
import dev.crow.product.fetch.FetchedResponse;
import dev.crow.product.fetch.Origin;
import dev.crow.product.fetch.SafeHttpFetcher;
import dev.crow.product.fetch.TargetUrl;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import dev.crow.platform.storage.ObjectStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Downloads a product's images through the SSRF-safe fetcher and keeps those that really are
 * images: the type is sniffed from the bytes, the size and pixel count are capped, and each is
 * stored under a fresh random key. An image already stored for the product is not fetched again.
 */
@Component
public class ProductImages {

    /** How many images were stored, and why others were not. */
    public record Attached(int stored, List<String> errors) {
    }

    private static final String ACCEPT = "image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9,*/*;q=0.1";

    private final SafeHttpFetcher fetcher;
    private final ObjectStore store;
    private final JdbcClient jdbc;
    private final ProductProperties.Images limits;
    private final int maxPerProduct;

    ProductImages(SafeHttpFetcher fetcher, ObjectStore store, JdbcClient jdbc, ProductProperties properties) {
        this.fetcher = fetcher;
        this.store = store;
        this.jdbc = jdbc;
        this.limits = properties.images();
        this.maxPerProduct = properties.crawler().maxImagesPerProduct();
    }

    /**
     * @param privateOrigin forwarded to the fetcher: the crawl's own origin when the private-network
     *                      opt-in is on, else {@code null}
     */
    public Attached attach(String organizationId, UUID productId, List<String> urls,
            Origin privateOrigin) {
        List<String> errors = new ArrayList<>();
        int stored = 0;
        int position = jdbc.sql("SELECT count(*) FROM product_images WHERE product_id = :id")
                .param("id", productId).query(Integer.class).single();
        for (String url : urls.subList(0, Math.min(urls.size(), maxPerProduct))) {
            boolean known = jdbc.sql("SELECT count(*) FROM product_images WHERE product_id = :id AND source_url = :url")
                    .param("id", productId).param("url", url).query(Integer.class).single() > 0;
            if (known || position >= maxPerProduct) {
                continue;
            }
            try {
                store(organizationId, productId, url, position, privateOrigin);
                stored++;
                position++;
            } catch (FetchException e) {
                errors.add("image " + url + ": " + e.getMessage());
            } catch (java.io.UncheckedIOException e) {
                errors.add("image " + url + ": could not be stored");
            }
        }
        return new Attached(stored, errors);
    }

    private void store(String organizationId, UUID productId, String url, int position,
            Origin privateOrigin) throws FetchException {
        TargetUrl target = TargetUrl.parse(url);
        FetchOptions options = FetchOptions.of(limits.maxSize().toBytes(), ACCEPT);
        FetchedResponse response = fetcher.get(target, privateOrigin == null ? options : options.withPrivateOrigin(privateOrigin));
        if (!response.isSuccess()) {
            throw new FetchException(FetchException.Reason.PROTOCOL_ERROR, "answered HTTP " + response.status());
        }
        byte[] bytes = response.body();
        ImageType type = ImageType.sniff(bytes).orElseThrow(() ->
                new FetchException(FetchException.Reason.PROTOCOL_ERROR, "not a JPEG, PNG, GIF or WebP image"));
        Optional<ImageDimensions.Size> size = ImageDimensions.read(bytes, type);
        if (size.isEmpty()) {
            throw new FetchException(FetchException.Reason.PROTOCOL_ERROR, "unreadable image header");
        }
        if (size.get().pixels() > limits.maxPixels() || size.get().width() <= 0 || size.get().height() <= 0) {
            throw new FetchException(FetchException.Reason.TOO_LARGE, "image dimensions out of bounds");
        }
        String key = ImageKey.generate(type);
        store.put(ImageKey.storeKey(key), bytes, type.contentType());
        jdbc.sql("""
                        INSERT INTO product_images (id, product_id, organization_id, object_key, source_url, content_type,
                            size_bytes, width, height, sha256, position, created_at)
                        VALUES (:id, :product, :org, :key, :url, :type, :size, :width, :height, :sha, :position, now())
                        ON CONFLICT (product_id, source_url) DO NOTHING
                        """)
                .param("id", UUID.randomUUID())
                .param("product", productId)
                .param("org", organizationId)
                .param("key", key)
                .param("url", url)
                .param("type", type.contentType())
                .param("size", bytes.length)
                .param("width", size.get().width())
                .param("height", size.get().height())
                .param("sha", sha256(bytes))
                .param("position", position)
                .update();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
