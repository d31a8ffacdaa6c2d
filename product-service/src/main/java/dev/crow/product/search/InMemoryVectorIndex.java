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
 * min-heap. Contiguous memory keeps the scan cache- and JIT-friendly: about 384 multiply-adds per
 * product, a few milliseconds per 10,000 products on one core; segments over 32,768 vectors are
 * split across the cores and the partial top-k lists merged, which changes nothing in the result.
 */
class InMemoryVectorIndex implements VectorIndex {

    /** Below this many vectors one core scans faster than the fork/join overhead of several. */
    private static final int PARALLEL_THRESHOLD = 32_768;
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private final int dimensions;
    private final Map<String, Segment> segments = new ConcurrentHashMap<>();
    private volatile boolean ready;

    InMemoryVectorIndex(int dimensions) {
        this.dimensions = dimensions;
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
        return "in-jvm";
    }

    private final class Segment {

        private final ReadWriteLock lock = new ReentrantReadWriteLock();
        private final Map<UUID, Integer> slots = new HashMap<>();
        private UUID[] ids = new UUID[16];
        private float[] data = new float[16 * dimensions];
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
                    }
                    slot = count++;
                    slots.put(id, slot);
                    ids[slot] = id;
                }
                System.arraycopy(vector, 0, data, slot * dimensions, dimensions);
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
                int parts = n < PARALLEL_THRESHOLD ? 1 : Math.min(CORES, n / (PARALLEL_THRESHOLD / 2));
                TopK top;
                if (parts <= 1) {
                    top = scan(query, 0, n, size);
                } else {
                    // Large segments are split over the cores; each part keeps its own top k, merged below.
                    top = IntStream.range(0, parts).parallel()
                            .mapToObj(p -> scan(query, (int) ((long) n * p / parts), (int) ((long) n * (p + 1) / parts), size))
                            .reduce((a, b) -> a.merge(b, size)).orElseThrow();
                }
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
