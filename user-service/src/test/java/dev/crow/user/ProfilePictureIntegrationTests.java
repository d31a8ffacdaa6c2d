package dev.crow.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crow.test.TestJwts;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ProfilePictureIntegrationTests extends UserServiceTestBase {

    @Test
    void uploadedPictureIsReencodedBoundedAndServedPublicly() throws Exception {
        Team team = team();
        byte[] png = image(2000, 1000, BufferedImage.TYPE_INT_RGB, "png");
        byte[] withTrailer = concat(png, "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> upload = upload(team, team.memberId(), withTrailer, team.member());
        assertThat(upload.statusCode()).isEqualTo(200);
        Matcher url = Pattern.compile("/api/v1/users/profile-pictures/[^\"]+").matcher(upload.body());
        assertThat(url.find()).isTrue();

        HttpResponse<byte[]> served = http.send(request(url.group()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(served.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(served.body()));
        assertThat(stored.getWidth()).isEqualTo(1024);
        assertThat(stored.getHeight()).isEqualTo(512);
        assertThat(new String(served.body(), StandardCharsets.ISO_8859_1)).doesNotContain("<script>");
        assertThat(get("/api/v1/users/me", team.member()).body()).contains(url.group());
    }

    @Test
    void transparentGifBecomesPng() throws Exception {
        Team team = team();
        HttpResponse<String> upload = upload(team, team.memberId(), image(40, 30, BufferedImage.TYPE_INT_ARGB, "png"),
                team.member());
        assertThat(upload.body()).contains(".png");
        assertThat(upload(team, team.memberId(), image(40, 30, BufferedImage.TYPE_INT_RGB, "gif"), team.member())
                .statusCode()).isEqualTo(200);
    }

    @Test
    void uploadsThatAreNotPicturesTooLargeOrBombsAreRefused() throws Exception {
        Team team = team();
        assertThat(upload(team, team.memberId(), "just text, named .png".getBytes(StandardCharsets.UTF_8), team.member())
                .statusCode()).isEqualTo(415);
        byte[] webp = concat("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1), new byte[32]);
        assertThat(upload(team, team.memberId(), webp, team.member()).statusCode()).isEqualTo(415);
        assertThat(upload(team, team.memberId(), new byte[2_500_000], team.member()).statusCode()).isEqualTo(413);
        HttpResponse<String> bomb = upload(team, team.memberId(), pngClaiming(100_000, 100_000), team.member());
        assertThat(bomb.statusCode()).isEqualTo(400);
        assertThat(bomb.body()).contains("image dimensions");
        byte[] truncated = java.util.Arrays.copyOf(image(300, 300, BufferedImage.TYPE_INT_RGB, "png"), 200);
        assertThat(upload(team, team.memberId(), truncated, team.member()).statusCode()).isEqualTo(400);
    }

    @Test
    void onlyTheUserOrTheirAdminsUploadAndUnknownPicturesAreNotFound() throws Exception {
        Team team = team();
        byte[] png = image(10, 10, BufferedImage.TYPE_INT_RGB, "png");
        assertThat(upload(team, team.adminId(), png, team.member()).statusCode()).isEqualTo(403);
        assertThat(upload(team, team.memberId(), png, team.admin()).statusCode()).isEqualTo(200);
        assertThat(http.send(request("/api/v1/users/profile-pictures/" + team.memberId() + "/"
                + "0".repeat(32) + ".png").GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        assertThat(http.send(request("/api/v1/users/profile-pictures/" + team.memberId() + "/..%2F..%2Fetc")
                .GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isIn(400, 404);
    }

    private HttpResponse<String> upload(Team team, UUID target, byte[] file,
            dev.crow.platform.security.CallerContext caller) throws Exception {
        String boundary = "crow" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"me.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = request("/api/v1/users/" + target + "/profile-picture")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Bearer " + TestJwts.shared().mint(caller))
                .POST(HttpRequest.BodyPublishers.ofByteArray(concat(concat(head, file), tail)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static byte[] image(int width, int height, int type, String format) throws Exception {
        BufferedImage image = new BufferedImage(width, height, type);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, new Color((x * 7) % 256, (y * 5) % 256, 120, type == BufferedImage.TYPE_INT_ARGB
                        ? (x % 2 == 0 ? 0 : 255) : 255).getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    /** A valid PNG signature and header chunk that claims a huge image, with no pixel data behind it. */
    static byte[] pngClaiming(int width, int height) {
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        byte[] type = "IHDR".getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(header.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 4 + 13 + 4)
                .put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})
                .putInt(13).put(type).put(header.array()).putInt((int) crc.getValue());
        return png.array();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
