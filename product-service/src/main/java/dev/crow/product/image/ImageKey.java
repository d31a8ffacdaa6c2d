package dev.crow.product.image;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Object keys for images: 128 random bits in hex plus the sniffed format's extension. Keys are
 * unguessable and carry nothing about the organization or the source URL; anything that does not
 * match the exact shape is not a key (no dots, slashes or encodings can get through).
 */
final class ImageKey {

    private static final Pattern SHAPE = Pattern.compile("([0-9a-f]{32})\\.(jpg|png|gif|webp)");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ImageKey() {
    }

    static String generate(ImageType type) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes) + "." + type.extension();
    }

    /** Where the image lives in the service's object store: its own folder, next to nothing else. */
    static String storeKey(String key) {
        return "product-images/" + key;
    }

    static Optional<ImageType> type(String key) {
        if (key == null || key.length() > 40) {
            return Optional.empty();
        }
        Matcher matcher = SHAPE.matcher(key);
        return matcher.matches() ? ImageType.ofExtension(matcher.group(2)) : Optional.empty();
    }
}
