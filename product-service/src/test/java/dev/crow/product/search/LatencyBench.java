package dev.crow.product.search;

import dev.crow.product.catalog.ProductDraft;
import dev.crow.product.catalog.ProductText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Search latency at 10,000 and 100,000 products in one organization: p50/p95/p99 of
 * {@link ProductSearch#rank} (query embedding with the real model, full-text SQL, vector scan,
 * fusion) per mode, and of a complete hybrid search that also loads the ten products.
 *
 * <p>Product texts come from the benchmark catalogue generator; their vectors are random unit
 * vectors, because embedding 100,000 texts with the model would take far longer than the search
 * being measured and the scan costs the same whatever the vectors hold. Query vectors are real
 * model embeddings. Run with {@code bench/products/latency.sh [sizes…]}.
 */
public final class LatencyBench {

    private static final int ROUNDS = 5;

    private LatencyBench() {
    }

    public static void main(String[] args) {
        List<Integer> sizes = args.length == 0 ? List.of(10_000, 100_000)
                : Arrays.stream(args).map(Integer::parseInt).toList();
        List<String> queries = BenchQueries.all().stream().map(BenchQueries.Query::text).toList();
        try (ConfigurableApplicationContext context = BenchApplication.start("bench_latency", false)) {
            ProductSearch search = context.getBean(ProductSearch.class);
            InMemoryVectorIndex index = (InMemoryVectorIndex) context.getBean(VectorIndex.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            Embedder embedder = context.getBean(Embedder.class);
            index.markReady();
            embedder.embed("warm up the model");
            System.out.println();
            System.out.printf("JVM %s, %d cores, load average at start %.1f%n", Runtime.version(),
                    Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.println("| products | mode | p50 ms | p95 ms | p99 ms | samples |");
            System.out.println("|---|---|---|---|---|---|");
            for (int size : sizes) {
                String org = "org_latency_" + size;
                long start = System.nanoTime();
                load(jdbc, index, org, size);
                System.err.printf("loaded %d products in %.1f s%n", size, (System.nanoTime() - start) / 1e9);
                for (int warmup = 0; warmup < 2; warmup++) {
                    for (String query : queries) {
                        for (SearchType type : SearchType.values()) {
                            search.rank(org, query, type, 10);
                        }
                    }
                }
                for (SearchType type : SearchType.values()) {
                    long[] samples = new long[ROUNDS * queries.size()];
                    int n = 0;
                    for (int round = 0; round < ROUNDS; round++) {
                        for (String query : queries) {
                            long t0 = System.nanoTime();
                            search.rank(org, query, type, 10);
                            samples[n++] = System.nanoTime() - t0;
                        }
                    }
                    print(size, type.wire(), samples);
                }
                long[] full = new long[ROUNDS * queries.size()];
                int n = 0;
                for (int round = 0; round < ROUNDS; round++) {
                    for (String query : queries) {
                        long t0 = System.nanoTime();
                        search.search(org, query, SearchType.HYBRID, 10);
                        full[n++] = System.nanoTime() - t0;
                    }
                }
                print(size, "hybrid + load 10 products", full);
                long[] embedOnly = new long[ROUNDS * queries.size()];
                long[] scanOnly = new long[ROUNDS * queries.size()];
                long[] scanCpu = new long[ROUNDS * queries.size()];
                java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
                n = 0;
                for (int round = 0; round < ROUNDS; round++) {
                    for (String query : queries) {
                        long t0 = System.nanoTime();
                        float[] vector = embedder.embed(query);
                        long t1 = System.nanoTime();
                        long cpu0 = threads.getCurrentThreadCpuTime();
                        index.search(org, vector, ProductSearch.FUSION_DEPTH);
                        scanCpu[n] = threads.getCurrentThreadCpuTime() - cpu0;
                        scanOnly[n] = System.nanoTime() - t1;
                        embedOnly[n++] = t1 - t0;
                    }
                }
                print(size, "(query embedding alone)", embedOnly);
                print(size, "(vector scan alone, k=50)", scanOnly);
                print(size, "(vector scan alone, CPU time of the thread)", scanCpu);
                System.out.printf("load average after %,d: %.1f%n", size,
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
        }
    }

    private static void load(JdbcTemplate jdbc, InMemoryVectorIndex index, String org, int size) {
        int perKind = (size + 20) / 21;
        List<BenchCatalogue.Item> items = BenchCatalogue.generate(perKind, 7L * size).subList(0, size);
        Random random = new Random(size);
        List<Object[]> batch = new ArrayList<>();
        for (BenchCatalogue.Item item : items) {
            ProductDraft d = item.draft();
            UUID id = UUID.randomUUID();
            String hash = ProductText.hash(ProductText.of(d.name(), d.brand(), d.categories(), d.description()));
            batch.add(new Object[] {id, org, d.name(), d.description(), d.price(), d.currency(), d.availability(),
                    d.brand(), d.sku(), d.categories().toArray(String[]::new), d.url(), d.markup(), hash});
            index.upsert(org, id, randomUnitVector(random));
            if (batch.size() == 1000) {
                insert(jdbc, batch);
                batch.clear();
            }
        }
        insert(jdbc, batch);
        jdbc.execute("ANALYZE products");
    }

    private static void insert(JdbcTemplate jdbc, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO products (id, organization_id, name, description, price, currency, availability, brand, sku,
                    categories, url, markup, content_hash, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), now())
                """, rows);
    }

    private static float[] randomUnitVector(Random random) {
        float[] v = new float[Embedder.DIMENSIONS];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }

    private static void print(int size, String mode, long[] samples) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        System.out.printf("| %,d | %s | %.1f | %.1f | %.1f | %d |%n", size, mode, percentile(sorted, 50),
                percentile(sorted, 95), percentile(sorted, 99), sorted.length);
    }

    private static double percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1e6;
    }
}
