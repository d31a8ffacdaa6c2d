package dev.crow.product.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The text a product is embedded from, and its hash. The catalogue stores the hash with each
 * product; the embedding worker re-embeds a product whenever the stored vector's hash differs.
 */
public final class ProductText {

    /** MiniLM reads at most 256 word pieces; more text only costs time. */
    private static final int MAX_CHARS = 1_500;

    private ProductText() {
    }

    public static String of(String name, String brand, List<String> categories, String description) {
        StringBuilder text = new StringBuilder(name);
        if (brand != null && !brand.isBlank()) {
            text.append(". Brand: ").append(brand);
        }
        if (categories != null && !categories.isEmpty()) {
            text.append(". Category: ").append(String.join(", ", categories));
        }
        if (description != null && !description.isBlank()) {
            text.append(". ").append(description);
        }
        return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text.toString();
    }

    public static String hash(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
