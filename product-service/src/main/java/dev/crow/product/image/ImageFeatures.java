package dev.crow.product.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * What can honestly be said about an image without a model: size, dominant colours (k-means in
 * RGB over a downsampled copy), brightness (mean luma), contrast (RMS contrast, the standard
 * deviation of luma) and sharpness (variance of the Laplacian). All values are deterministic.
 *
 * @param brightness 0 (black) to 1 (white)
 * @param contrast   0 (flat) to 0.5 (half black, half white)
 * @param sharpness  variance of the 4-neighbour Laplacian of luma in 0..1 units; blurry images
 *                   score near 0, crisp product shots well above 0.01
 * @param note       why pixel features are missing, when they are
 */
record ImageFeatures(
        int width,
        int height,
        String format,
        List<Colour> dominantColours,
        Double brightness,
        Double contrast,
        Double sharpness,
        String note) {

    record Colour(String hex, double share) {
    }

    private static final int ANALYSIS_SIZE = 256;
    private static final int CLUSTERS = 5;
    private static final int ITERATIONS = 12;

    static ImageFeatures of(byte[] bytes, ImageType type, int width, int height) {
        if (type == ImageType.WEBP) {
            return new ImageFeatures(width, height, type.extension(), List.of(), null, null, null,
                    "pixel features unavailable: this server has no WebP decoder");
        }
        BufferedImage image = decodeSmall(bytes, Math.max(width, height));
        if (image == null) {
            return new ImageFeatures(width, height, type.extension(), List.of(), null, null, null,
                    "pixel features unavailable: the image could not be decoded");
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        double[] luma = new double[rgb.length];
        double sum = 0;
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            luma[i] = (0.2126 * ((p >> 16) & 0xff) + 0.7152 * ((p >> 8) & 0xff) + 0.0722 * (p & 0xff)) / 255.0;
            sum += luma[i];
        }
        double mean = sum / luma.length;
        double variance = 0;
        for (double l : luma) {
            variance += (l - mean) * (l - mean);
        }
        double contrast = Math.sqrt(variance / luma.length);
        return new ImageFeatures(width, height, type.extension(), dominantColours(rgb), round(mean), round(contrast),
                round(laplacianVariance(luma, w, h)), null);
    }

    /** Decodes with subsampling so that even a 40-megapixel image costs a few hundred KB here. */
    private static BufferedImage decodeSmall(byte[] bytes, int longestSide) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, (int) Math.ceil(longestSide / (double) ANALYSIS_SIZE));
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static double laplacianVariance(double[] luma, int w, int h) {
        if (w < 3 || h < 3) {
            return 0;
        }
        double sum = 0;
        double sumSquares = 0;
        int n = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                double lap = luma[i - 1] + luma[i + 1] + luma[i - w] + luma[i + w] - 4 * luma[i];
                sum += lap;
                sumSquares += lap * lap;
                n++;
            }
        }
        double mean = sum / n;
        return sumSquares / n - mean * mean;
    }

    /** k-means with k-means++ seeding from a fixed seed: the same image always gives the same colours. */
    private static List<Colour> dominantColours(int[] rgb) {
        int stride = Math.max(1, rgb.length / 4096);
        List<double[]> samples = new ArrayList<>();
        for (int i = 0; i < rgb.length; i += stride) {
            int p = rgb[i];
            samples.add(new double[] {(p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff});
        }
        int k = Math.min(CLUSTERS, samples.size());
        Random random = new Random(42);
        List<double[]> centres = new ArrayList<>();
        centres.add(samples.get(random.nextInt(samples.size())).clone());
        while (centres.size() < k) {
            double[] distances = new double[samples.size()];
            double total = 0;
            for (int i = 0; i < samples.size(); i++) {
                distances[i] = nearest(samples.get(i), centres)[1];
                total += distances[i];
            }
            if (total == 0) {
                break;
            }
            double pick = random.nextDouble() * total;
            int chosen = distances.length - 1;
            double cumulative = 0;
            for (int i = 0; i < distances.length; i++) {
                cumulative += distances[i];
                if (cumulative >= pick) {
                    chosen = i;
                    break;
                }
            }
            centres.add(samples.get(chosen).clone());
        }
        int[] assignment = new int[samples.size()];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[][] sums = new double[centres.size()][3];
            int[] counts = new int[centres.size()];
            for (int i = 0; i < samples.size(); i++) {
                assignment[i] = (int) nearest(samples.get(i), centres)[0];
                double[] s = samples.get(i);
                sums[assignment[i]][0] += s[0];
                sums[assignment[i]][1] += s[1];
                sums[assignment[i]][2] += s[2];
                counts[assignment[i]]++;
            }
            for (int c = 0; c < centres.size(); c++) {
                if (counts[c] > 0) {
                    centres.set(c, new double[] {sums[c][0] / counts[c], sums[c][1] / counts[c], sums[c][2] / counts[c]});
                }
            }
        }
        int[] counts = new int[centres.size()];
        for (int a : assignment) {
            counts[a]++;
        }
        List<Colour> colours = new ArrayList<>();
        for (int c = 0; c < centres.size(); c++) {
            if (counts[c] > 0) {
                double[] centre = centres.get(c);
                colours.add(new Colour(String.format("#%02x%02x%02x", Math.round(centre[0]), Math.round(centre[1]),
                        Math.round(centre[2])), round((double) counts[c] / samples.size())));
            }
        }
        colours.sort(Comparator.comparingDouble(Colour::share).reversed());
        return colours;
    }

    /** Index of the nearest centre and the squared distance to it. */
    private static double[] nearest(double[] sample, List<double[]> centres) {
        int best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (int c = 0; c < centres.size(); c++) {
            double[] centre = centres.get(c);
            double dr = sample[0] - centre[0];
            double dg = sample[1] - centre[1];
            double db = sample[2] - centre[2];
            double distance = dr * dr + dg * dg + db * db;
            if (distance < bestDistance) {
                bestDistance = distance;
                best = c;
            }
        }
        return new double[] {best, bestDistance};
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
