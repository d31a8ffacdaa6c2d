package dev.crow.product.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InMemoryVectorIndexTests {

    private static float[] unit(Random random, int dims) {
        float[] v = new float[dims];
        double norm = 0;
        for (int i = 0; i < dims; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < dims; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    @Test
    void theTestJvmRunsTheSimdScan() {
        // surefire starts the JVM with --add-modules jdk.incubator.vector, as production should
        assertThat(VectorScan.detect()).isEqualTo(VectorScan.INT8_SIMD);
        assertThat(new InMemoryVectorIndex(8).name()).isEqualTo("in-jvm (int8 SIMD scan with exact rescoring)");
    }

    @ParameterizedTest
    @EnumSource(VectorScan.class)
    void findsExactlyTheTopKByDotProductWithinOneOrganization(VectorScan scan) {
        Random random = new Random(7);
        InMemoryVectorIndex index = new InMemoryVectorIndex(16, scan);
        List<UUID> ids = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            UUID id = UUID.randomUUID();
            float[] v = unit(random, 16);
            ids.add(id);
            vectors.add(v);
            index.upsert("org-a", id, v);
            index.upsert("org-b", UUID.randomUUID(), unit(random, 16));
        }
        float[] query = unit(random, 16);
        List<VectorIndex.Hit> hits = index.search("org-a", query, 10);

        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            expected.add(i);
        }
        expected.sort(Comparator.comparingDouble(i -> -dot(query, vectors.get(i))));
        assertThat(hits).extracting(VectorIndex.Hit::productId)
                .containsExactlyElementsOf(expected.subList(0, 10).stream().map(ids::get).toList());
        assertThat(hits.get(0).score()).isCloseTo((float) dot(query, vectors.get(expected.get(0))),
                org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(index.search("org-c", query, 10)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(VectorScan.class)
    void largeSegmentsScannedInParallelGiveTheSameExactAnswer(VectorScan scan) {
        Random random = new Random(11);
        InMemoryVectorIndex index = new InMemoryVectorIndex(8, scan);
        List<UUID> ids = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < 140_000; i++) {
            UUID id = new UUID(0, i);
            float[] v = unit(random, 8);
            ids.add(id);
            vectors.add(v);
            index.upsert("big", id, v);
        }
        float[] query = unit(random, 8);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> -dot(query, vectors.get(i))));
        assertThat(index.search("big", query, 50)).extracting(VectorIndex.Hit::productId)
                .containsExactlyElementsOf(order.subList(0, 50).stream().map(ids::get).toList());
    }

    @ParameterizedTest
    @EnumSource(VectorScan.class)
    void updatesAndRemovesKeepTheArrayDense(VectorScan scan) {
        InMemoryVectorIndex index = new InMemoryVectorIndex(2, scan);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        index.upsert("org", a, new float[] {1, 0});
        index.upsert("org", b, new float[] {0, 1});
        index.upsert("org", c, new float[] {0.7f, 0.7f});
        index.upsert("org", b, new float[] {-1, 0});
        index.remove("org", a);
        assertThat(index.size("org")).isEqualTo(2);
        assertThat(index.search("org", new float[] {1, 0}, 5)).extracting(VectorIndex.Hit::productId).containsExactly(c, b);
        assertThatThrownBy(() -> index.upsert("org", a, new float[3])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void simdScanIsExactWhenScoresCrowdTogether() {
        // Realistic embeddings (384 dimensions) whose scores crowd together: many candidates differ by
        // less than the int8 error, so the exact rescoring of the uncertainty band decides the order.
        Random random = new Random(23);
        int dims = 384;
        InMemoryVectorIndex simd = new InMemoryVectorIndex(dims, VectorScan.INT8_SIMD);
        float[] base = unit(random, dims);
        List<UUID> ids = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            float[] noise = unit(random, dims);
            float[] v = new float[dims];
            double norm = 0;
            for (int j = 0; j < dims; j++) {
                v[j] = base[j] + 0.35f * noise[j];
                norm += v[j] * v[j];
            }
            for (int j = 0; j < dims; j++) {
                v[j] /= (float) Math.sqrt(norm);
            }
            UUID id = new UUID(1, i);
            ids.add(id);
            vectors.add(v);
            simd.upsert("org", id, v);
        }
        for (int round = 0; round < 20; round++) {
            float[] query = unit(random, dims);
            for (int j = 0; j < dims; j++) {
                query[j] = base[j] + 0.5f * query[j];
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.comparingDouble(i -> -dot(query, vectors.get(i))));
            assertThat(simd.search("org", query, 20)).extracting(VectorIndex.Hit::productId)
                    .containsExactlyElementsOf(order.subList(0, 20).stream().map(ids::get).toList());
        }
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
