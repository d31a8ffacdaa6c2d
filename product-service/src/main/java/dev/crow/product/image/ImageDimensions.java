package dev.crow.product.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Width and height from an image's header, without decoding its pixels (decompression bombs stay cheap). */
final class ImageDimensions {

    record Size(int width, int height) {

        long pixels() {
            return (long) width * height;
        }
    }

    private ImageDimensions() {
    }

    static Optional<Size> read(byte[] bytes, ImageType type) {
        if (type == ImageType.WEBP) {
            return webp(bytes);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return Optional.of(new Size(reader.getWidth(0), reader.getHeight(0)));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The JDK has no WebP reader; the canvas size sits at fixed offsets of the VP8, VP8L or VP8X chunk. */
    private static Optional<Size> webp(byte[] b) {
        if (b.length < 30) {
            return Optional.empty();
        }
        String chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
        switch (chunk) {
            case "VP8X" -> {
                int width = 1 + ((b[24] & 0xff) | (b[25] & 0xff) << 8 | (b[26] & 0xff) << 16);
                int height = 1 + ((b[27] & 0xff) | (b[28] & 0xff) << 8 | (b[29] & 0xff) << 16);
                return Optional.of(new Size(width, height));
            }
            case "VP8 " -> {
                int width = ((b[26] & 0xff) | (b[27] & 0xff) << 8) & 0x3fff;
                int height = ((b[28] & 0xff) | (b[29] & 0xff) << 8) & 0x3fff;
                return Optional.of(new Size(width, height));
            }
            case "VP8L" -> {
                int bits = (b[21] & 0xff) | (b[22] & 0xff) << 8 | (b[23] & 0xff) << 16 | (b[24] & 0xff) << 24;
                return Optional.of(new Size(1 + (bits & 0x3fff), 1 + ((bits >> 14) & 0x3fff)));
            }
            default -> {
                return Optional.empty();
            }
        }
    }
}
