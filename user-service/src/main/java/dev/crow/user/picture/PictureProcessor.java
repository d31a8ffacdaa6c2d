package dev.crow.user.picture;

import dev.crow.platform.error.CrowException;
import dev.crow.platform.error.ErrorKind;
import dev.crow.user.UserProperties;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.springframework.stereotype.Component;

/**
 * Turns an upload into a safe picture: the format is sniffed from the bytes, the dimensions are
 * read from the header and checked before any pixel is decoded (a tiny file can claim a gigapixel
 * image), large images are decoded subsampled, and the result is scaled to at most
 * {@code max-dimension} and written anew as PNG (if it has transparency) or JPEG. Only pixels
 * survive: no metadata, no trailing bytes, no second frame.
 */
@Component
class PictureProcessor {

    private static final long MAX_DECODED_PIXELS = 4_194_304;

    private final UserProperties.Pictures limits;

    PictureProcessor(UserProperties properties) {
        this.limits = properties.pictures();
    }

    /**
     * @param bytes       the encoded picture
     * @param contentType image/png or image/jpeg
     * @param extension   png or jpg
     */
    record Picture(byte[] bytes, String contentType, String extension) {
    }

    Picture process(byte[] upload) {
        if (upload.length > limits.maxBytes()) {
            throw new CrowException(ErrorKind.PAYLOAD_TOO_LARGE, "Profile pictures are limited to "
                    + limits.maxBytes() / 1024 + " KB");
        }
        ImageFormat format = ImageFormat.sniff(upload).orElseThrow(() -> new CrowException(
                ErrorKind.UNSUPPORTED_MEDIA_TYPE, "Upload a PNG, JPEG, GIF or WebP image"));
        BufferedImage image = decode(upload, format);
        BufferedImage scaled = scale(image);
        return scaled.getColorModel().hasAlpha() ? encode(scaled, "png", "image/png", "png")
                : encode(scaled, "jpeg", "image/jpeg", "jpg");
    }

    private BufferedImage decode(byte[] upload, ImageFormat format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
        if (!readers.hasNext()) {
            throw new CrowException(ErrorKind.UNSUPPORTED_MEDIA_TYPE, "This server cannot read " + format
                    + " images; upload a PNG, JPEG or GIF");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            reader.setInput(input, true, true);
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width < 1 || height < 1 || width * height > limits.maxPixels()) {
                throw CrowException.invalid("file (image dimensions)");
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int step = 1;
            while ((width / step) * (height / step) > MAX_DECODED_PIXELS) {
                step++;
            }
            param.setSourceSubsampling(step, step, 0, 0);
            return reader.read(0, param);
        } catch (IOException | RuntimeException e) {
            if (e instanceof CrowException crow) {
                throw crow;
            }
            throw CrowException.invalid("file (not a readable image)");
        } finally {
            reader.dispose();
        }
    }

    private BufferedImage scale(BufferedImage image) {
        int max = limits.maxDimension();
        double factor = Math.min(1.0, (double) max / Math.max(image.getWidth(), image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(image.getHeight() * factor));
        boolean alpha = image.getColorModel().hasAlpha();
        BufferedImage target = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB
                : BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = target.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            graphics.drawImage(image, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return target;
    }

    private static Picture encode(BufferedImage image, String format, String contentType, String extension) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if ("jpeg".equals(format)) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.88f);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("could not encode the picture", e);
        } finally {
            writer.dispose();
        }
        return new Picture(out.toByteArray(), contentType, extension);
    }
}
