package dev.crow.product.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.IntStream;

/**
 * Exact nearest-neighbour search in the JVM: one contiguous {@code float[]} per organization
 * (row-major, {@code dimensions} floats per product) scanned with a dot product and a bounded
 * min-heap. Contiguous memory keeps the scan cache- and JIT-friendly.
 * <p>
 * With {@link VectorScan#INT8_SIMD} each vector also has int8 codes (scaled to its largest component)
 * and the scan runs in two steps: a SIMD pass over the codes gives every vector an approximate score,
 * the approximate top k are scored exactly, and then every other vector whose approximate score plus
 * its error bound ({@code ‖q − q̂‖·‖v‖ + ‖q̂‖·‖v − v̂‖}, by Cauchy–Schwarz) reaches the k-th exact score
 * is scored exactly too. The answer is therefore the exact top k; the first pass reads a quarter of
 * the memory of a float scan, and few vectors fall into the uncertainty band. Measured on two cores
 * (JDK 17, AVX2): 100,000 × 384 dimensions in ≈ 9 ms of CPU against ≈ 20–30 ms for the float scan.
 * <p>
 * Segments over the parallel threshold are split across the cores and the partial results merged,
 * which changes nothing in the result.
 */
class InMemoryVectorIndex implements VectorIndex {

    /** Below this many vectors one core scans faster than the fork/join overhead of several. */
    private static final int PARALLEL_THRESHOLD = 32_768;
    /** The SIMD pass costs about a quarter per vector, so it pays to split only at four times the size. */
    private static final int PARALLEL_THRESHOLD_SIMD = 4 * PARALLEL_THRESHOLD;
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /** Covers float rounding in the approximate scores and the bounds (both are far below it). */
    private static final float SLACK = 1e-4f;

    private final int dimensions;
    private final VectorScan scan;
    private final Map<String, Segment> segments = new ConcurrentHashMap<>();
    private volatile boolean ready;

    InMemoryVectorIndex(int dimensions) {
        this(dimensions, VectorScan.detect());
    }

    InMemoryVectorIndex(int dimensions, VectorScan scan) {
        this.dimensions = dimensions;
        this.scan = scan;
    }

    VectorScan scan() {
        return scan;
    }

    @Override
    public void upsert(String organizationId, UUID productId, float[] vector) {
        if (vector.length != dimensions) {
            throw new IllegalArgumentException("expected " + dimensions + " dimensions, got " + vector.length);
        }
        segments.computeIfAbsent(organizationId, k -> new Segment()).upsert(productId, vector);
    }

    @Override
    public void remove(String organizationId, UUID productId) {
        Segment segment = segments.get(organizationId);
        if (segment != null) {
            segment.remove(productId);
        }
    }

    @Override
    public List<Hit> search(String organizationId, float[] query, int k) {
        Segment segment = segments.get(organizationId);
        return segment == null || k <= 0 ? List.of() : segment.search(query, k);
    }

    int size(String organizationId) {
        Segment segment = segments.get(organizationId);
        return segment == null ? 0 : segment.size();
    }

    void markReady() {
        ready = true;
    }

    @Override
    public boolean ready() {
        return ready;
    }

    @Override
    public String name() {
        return "in-jvm (" + scan.description() + ")";
    }

    private final class Segment {

        private final ReadWriteLock lock = new ReentrantReadWriteLock();
        private final Map<UUID, Integer> slots = new HashMap<>();
        private final boolean quantized = scan == VectorScan.INT8_SIMD;
        private UUID[] ids = new UUID[16];
        private float[] data = new float[16 * dimensions];
        // INT8_SIMD only: codes (row-major like data), 1 / scale, ‖v‖ and ‖v − v̂‖ per slot
        private byte[] codes = quantized ? new byte[16 * dimensions] : null;
        private float[] unscale = quantized ? new float[16] : null;
        private float[] norms = quantized ? new float[16] : null;
        private float[] residuals = quantized ? new float[16] : null;
        private int count;

        void upsert(UUID id, float[] vector) {
            lock.writeLock().lock();
            try {
                Integer slot = slots.get(id);
                if (slot == null) {
                    if (count == ids.length) {
                        int capacity = ids.length + (ids.length >> 1) + 16;
                        ids = Arrays.copyOf(ids, capacity);
                        data = Arrays.copyOf(data, capacity * dimensions);
                        if (quantized) {
                            codes = Arrays.copyOf(codes, capacity * dimensions);
                            unscale = Arrays.copyOf(unscale, capacity);
                            norms = Arrays.copyOf(norms, capacity);
                            residuals = Arrays.copyOf(residuals, capacity);
                        }
                    }
                    slot = count++;
                    slots.put(id, slot);
                    ids[slot] = id;
                }
                System.arraycopy(vector, 0, data, slot * dimensions, dimensions);
                if (quantized) {
                    quantize(slot, vector);
                }
            } finally {
                lock.writeLock().unlock();
            }
        }

        void remove(UUID id) {
            lock.writeLock().lock();
            try {
                Integer slot = slots.remove(id);
                if (slot == null) {
                    return;
                }
                int last = --count;
                if (slot != last) {
                    // Keep the array dense: move the last vector into the hole.
                    ids[slot] = ids[last];
                    System.arraycopy(data, last * dimensions, data, slot * dimensions, dimensions);
                    if (quantized) {
                        System.arraycopy(codes, last * dimensions, codes, slot * dimensions, dimensions);
                        unscale[slot] = unscale[last];
                        norms[slot] = norms[last];
                        residuals[slot] = residuals[last];
                    }
                    slots.put(ids[slot], slot);
                }
                ids[last] = null;
            } finally {
                lock.writeLock().unlock();
            }
        }

        int size() {
            lock.readLock().lock();
            try {
                return count;
            } finally {
                lock.readLock().unlock();
            }
        }

        List<Hit> search(float[] query, int k) {
            lock.readLock().lock();
            try {
                int n = count;
                int size = Math.min(k, n);
                if (size == 0) {
                    return List.of();
                }
                TopK top = quantized ? searchQuantized(query, n, size) : searchExact(query, n, size);
                List<Hit> hits = new ArrayList<>(top.filled);
                for (int i = 0; i < top.filled; i++) {
                    hits.add(new Hit(ids[top.slots[i]], top.scores[i]));
                }
                hits.sort(Collections.reverseOrder((a, b) -> Float.compare(a.score(), b.score())));
                return hits;
            } finally {
                lock.readLock().unlock();
            }
        }

        private TopK searchExact(float[] query, int n, int size) {
            int parts = parts(n, PARALLEL_THRESHOLD);
            if (parts <= 1) {
                return scan(query, 0, n, size);
            }
            // Large segments are split over the cores; each part keeps its own top k, merged here.
            return IntStream.range(0, parts).parallel()
                    .mapToObj(p -> scan(query, from(n, p, parts), from(n, p + 1, parts), size))
                    .reduce((a, b) -> a.merge(b, size)).orElseThrow();
        }

        private TopK searchQuantized(float[] query, int n, int size) {
            QuantizedQuery q = QuantizedQuery.of(query);
            float[] approximate = new float[n];
            int parts = parts(n, PARALLEL_THRESHOLD_SIMD);
            if (parts <= 1) {
                approximate(q, approximate, 0, n);
            } else {
                IntStream.range(0, parts).parallel()
                        .forEach(p -> approximate(q, approximate, from(n, p, parts), from(n, p + 1, parts)));
            }
            TopK candidates = new TopK(size);
            for (int i = 0; i < n; i++) {
                candidates.offer(approximate[i], i);
            }
            TopK top = new TopK(size);
            for (int c = 0; c < candidates.filled; c++) {
                int slot = candidates.slots[c];
                top.offer(dot(query, data, slot * dimensions, dimensions), slot);
                approximate[slot] = Float.NEGATIVE_INFINITY; // scored exactly: skipped below
            }
            // Anything whose approximate score could be off by enough to beat the k-th exact one is scored
            // exactly as well; the threshold only rises as better ones are found.
            float threshold = top.filled == size ? top.scores[0] : Float.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                float bound = approximate[i] + q.error * norms[i] + q.norm * residuals[i] + SLACK;
                if (bound >= threshold) {
                    top.offer(dot(query, data, i * dimensions, dimensions), i);
                    if (top.filled == size) {
                        threshold = top.scores[0];
                    }
                }
            }
            return top;
        }

        private void approximate(QuantizedQuery q, float[] into, int from, int to) {
            byte[] c = codes;
            int dims = dimensions;
            for (int i = from; i < to; i++) {
                into[i] = Int8Simd.dot(q.codes, c, i * dims, dims) * q.unscale * unscale[i];
            }
        }

        /** int8 codes of one vector, scaled so that its largest component is ±127, and its error terms. */
        private void quantize(int slot, float[] vector) {
            float max = 0;
            for (float v : vector) {
                max = Math.max(max, Math.abs(v));
            }
            float scale = max == 0 ? 0 : 127f / max;
            double norm = 0;
            double residual = 0;
            int offset = slot * dimensions;
            for (int j = 0; j < dimensions; j++) {
                int code = Math.max(-127, Math.min(127, Math.round(vector[j] * scale)));
                codes[offset + j] = (byte) code;
                double restored = scale == 0 ? 0 : code / (double) scale;
                norm += (double) vector[j] * vector[j];
                residual += (vector[j] - restored) * (vector[j] - restored);
            }
            unscale[slot] = scale == 0 ? 0 : 1f / scale;
            norms[slot] = (float) Math.sqrt(norm);
            residuals[slot] = (float) Math.sqrt(residual);
        }

        private TopK scan(float[] query, int from, int to, int size) {
            TopK top = new TopK(size);
            float[] d = data;
            int dims = dimensions;
            for (int i = from; i < to; i++) {
                top.offer(dot(query, d, i * dims, dims), i);
            }
            return top;
        }
    }

    private static int parts(int n, int threshold) {
        return n < threshold ? 1 : Math.min(CORES, n / (threshold / 2));
    }

    private static int from(int n, int part, int parts) {
        return (int) ((long) n * part / parts);
    }

    /** The query's int8 codes, 1 / scale, and the terms of the error bound that depend on it. */
    private record QuantizedQuery(int[] codes, float unscale, float error, float norm) {

        static QuantizedQuery of(float[] query) {
            float max = 0;
            for (float v : query) {
                max = Math.max(max, Math.abs(v));
            }
            float scale = max == 0 ? 0 : 127f / max;
            int[] codes = new int[query.length];
            double error = 0;
            double norm = 0;
            for (int j = 0; j < query.length; j++) {
                codes[j] = Math.max(-127, Math.min(127, Math.round(query[j] * scale)));
                double restored = scale == 0 ? 0 : codes[j] / (double) scale;
                error += (query[j] - restored) * (query[j] - restored);
                norm += restored * restored;
            }
            return new QuantizedQuery(codes, scale == 0 ? 0 : 1f / scale, (float) Math.sqrt(error), (float) Math.sqrt(norm));
        }
    }

    /** A bounded min-heap of (score, slot): the root is the worst of the best {@code size} seen. */
    private static final class TopK {

        final float[] scores;
        final int[] slots;
        int filled;

        TopK(int size) {
            scores = new float[size];
            slots = new int[size];
        }

        void offer(float score, int slot) {
            if (filled < scores.length) {
                scores[filled] = score;
                slots[filled] = slot;
                siftUp(scores, slots, filled++);
            } else if (score > scores[0]) {
                scores[0] = score;
                slots[0] = slot;
                siftDown(scores, slots, scores.length);
            }
        }

        TopK merge(TopK other, int size) {
            for (int i = 0; i < other.filled; i++) {
                offer(other.scores[i], other.slots[i]);
            }
            return this;
        }
    }

    /** Four independent accumulators let the JIT pipeline the multiply-adds. */
    private static float dot(float[] q, float[] d, int offset, int dims) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int j = 0;
        for (; j + 3 < dims; j += 4) {
            s0 += q[j] * d[offset + j];
            s1 += q[j + 1] * d[offset + j + 1];
            s2 += q[j + 2] * d[offset + j + 2];
            s3 += q[j + 3] * d[offset + j + 3];
        }
        for (; j < dims; j++) {
            s0 += q[j] * d[offset + j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static void siftUp(float[] scores, int[] slots, int i) {
        while (i > 0) {
            int parent = (i - 1) >> 1;
            if (scores[parent] <= scores[i]) {
                return;
            }
            swap(scores, slots, i, parent);
            i = parent;
        }
    }

    private static void siftDown(float[] scores, int[] slots, int size) {
        int i = 0;
        while (true) {
            int left = 2 * i + 1;
            int right = left + 1;
            int smallest = i;
            if (left < size && scores[left] < scores[smallest]) {
                smallest = left;
            }
            if (right < size && scores[right] < scores[smallest]) {
                smallest = right;
            }
            if (smallest == i) {
                return;
            }
            swap(scores, slots, i, smallest);
            i = smallest;
        }
    }

    private static void swap(float[] scores, int[] slots, int a, int b) {
        float s = scores[a];
        scores[a] = scores[b];
        scores[b] = s;
        int t = slots[a];
        slots[a] = slots[b];
        slots[b] = t;
    }
}
