package dev.crow.product.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crow.product.testing.TestImages;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImageTypeTests {

    @Test
    void recognisesFormatsByTheirBytesOnly() {
        assertThat(ImageType.sniff(TestImages.solid("png", 2, 2, Color.RED))).hasValue(ImageType.PNG);
        assertThat(ImageType.sniff(TestImages.solid("jpg", 2, 2, Color.RED))).hasValue(ImageType.JPEG);
        assertThat(ImageType.sniff(TestImages.solid("gif", 2, 2, Color.RED))).hasValue(ImageType.GIF);
        assertThat(ImageType.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1))).hasValue(ImageType.WEBP);
        assertThat(ImageType.sniff("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes())).isEmpty();
        assertThat(ImageType.sniff("<html>".getBytes())).isEmpty();
        assertThat(ImageType.sniff(new byte[0])).isEmpty();
    }

    @Test
    void keysAreRandomAndStrictlyShaped() {
        String key = ImageKey.generate(ImageType.PNG);
        assertThat(key).matches("[0-9a-f]{32}\\.png");
        assertThat(ImageKey.generate(ImageType.PNG)).isNotEqualTo(key);
        assertThat(ImageKey.type(key)).hasValue(ImageType.PNG);
        for (String bad : new String[] {"../" + key, key + "/", key.toUpperCase(), key.replace(".png", ".svg"),
                key.replace(".png", ""), "%2e%2e", key + "\0", null}) {
            assertThat(ImageKey.type(bad)).as(String.valueOf(bad)).isEmpty();
        }
    }

    @Test
    void readsDimensionsFromHeadersWithoutDecoding() {
        assertThat(ImageDimensions.read(TestImages.solid("png", 31, 17, Color.RED), ImageType.PNG))
                .hasValue(new ImageDimensions.Size(31, 17));
        byte[] webp = new byte[30];
        System.arraycopy("RIFF".getBytes(), 0, webp, 0, 4);
        System.arraycopy("WEBPVP8X".getBytes(), 0, webp, 8, 8);
        webp[24] = (byte) 199; // width - 1 = 199
        webp[27] = (byte) 99;  // height - 1 = 99
        assertThat(ImageDimensions.read(webp, ImageType.WEBP)).hasValue(new ImageDimensions.Size(200, 100));
    }
}
