package dev.crow.product.search;

import dev.crow.product.catalog.ProductCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Relevance of fts, semantic and hybrid search on the generated catalogue: nDCG@10 (gain
 * 2^grade - 1) and recall@10 (share of the products graded 2 or 3 that appear in the top 10),
 * averaged over the queries. Exits with status 1 unless hybrid beats both on nDCG@10.
 * Run with {@code bench/products/relevance.sh}.
 */
public final class RelevanceBench {

    static final int PER_KIND = 15;
    static final long SEED = 20251201L;
    static final int K = 10;

    private RelevanceBench() {
    }

    public static void main(String[] args) throws InterruptedException {
        boolean verbose = List.of(args).contains("--verbose");
        List<BenchCatalogue.Item> items = BenchCatalogue.generate(PER_KIND, SEED);
        List<BenchQueries.Query> queries = BenchQueries.all();
        try (ConfigurableApplicationContext context = BenchApplication.start("bench_relevance", true)) {
            ProductCatalog catalog = context.getBean(ProductCatalog.class);
            ProductSearch search = context.getBean(ProductSearch.class);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            String org = "org_relevance_bench";
            Map<UUID, BenchCatalogue.Item> byId = new HashMap<>();
            for (BenchCatalogue.Item item : items) {
                byId.put(catalog.record(org, null, item.draft()).id(), item);
            }
            long start = System.nanoTime();
            while (jdbc.sql("SELECT count(*) FROM product_embeddings").query(Integer.class).single() < items.size()
                    || !context.getBean(VectorIndex.class).ready()) {
                if (System.nanoTime() - start > Duration.ofMinutes(10).toNanos()) {
                    throw new IllegalStateException("embeddings did not finish within 10 minutes");
                }
                Thread.sleep(200);
            }
            System.out.printf("catalogue: %d products (%d kinds, seed %d); %d queries; embeddings %s in %.1f s%n",
                    items.size(), items.size() / PER_KIND, SEED, queries.size(), Embedder.MODEL_NAME,
                    (System.nanoTime() - start) / 1e9);

            Map<SearchType, double[]> ndcg = new EnumMap<>(SearchType.class);
            Map<SearchType, double[]> recall = new EnumMap<>(SearchType.class);
            for (SearchType type : List.of(SearchType.FTS, SearchType.SEMANTIC, SearchType.HYBRID)) {
                ndcg.put(type, new double[queries.size()]);
                recall.put(type, new double[queries.size()]);
            }
            for (int q = 0; q < queries.size(); q++) {
                BenchQueries.Query query = queries.get(q);
                List<Integer> ideal = new ArrayList<>();
                int relevant = 0;
                for (BenchCatalogue.Item item : items) {
                    int grade = query.grade().applyAsInt(item);
                    ideal.add(grade);
                    relevant += grade >= 2 ? 1 : 0;
                }
                ideal.sort(Comparator.reverseOrder());
                double idcg = dcg(ideal);
                StringBuilder line = new StringBuilder(String.format("%-48s", query.text()));
                for (SearchType type : ndcg.keySet()) {
                    List<UUID> ids = search.rank(org, query.text(), type, K).ids();
                    List<Integer> grades = new ArrayList<>();
                    int found = 0;
                    for (UUID id : ids) {
                        int grade = query.grade().applyAsInt(byId.get(id));
                        grades.add(grade);
                        found += grade >= 2 ? 1 : 0;
                    }
                    ndcg.get(type)[q] = idcg == 0 ? 0 : dcg(grades) / idcg;
                    recall.get(type)[q] = relevant == 0 ? 0 : (double) found / relevant;
                    line.append(String.format("  %s %.3f/%.3f", type.wire(), ndcg.get(type)[q], recall.get(type)[q]));
                }
                if (verbose) {
                    System.out.println(line);
                }
            }
            System.out.println();
            System.out.println("| mode | nDCG@10 | recall@10 | nDCG@10 keyword | nDCG@10 natural language | nDCG@10 mixed |");
            System.out.println("|---|---|---|---|---|---|");
            for (SearchType type : ndcg.keySet()) {
                double[] n = ndcg.get(type);
                System.out.printf("| %s | %.3f | %.3f | %.3f | %.3f | %.3f |%n", type.wire(), mean(n, 0, n.length),
                        mean(recall.get(type), 0, n.length), mean(n, 0, 15), mean(n, 15, 31), mean(n, 31, n.length));
            }
            double hybrid = mean(ndcg.get(SearchType.HYBRID), 0, queries.size());
            boolean wins = hybrid > mean(ndcg.get(SearchType.FTS), 0, queries.size())
                    && hybrid > mean(ndcg.get(SearchType.SEMANTIC), 0, queries.size());
            System.out.println();
            System.out.println(wins ? "hybrid beats both fts and semantic on nDCG@10"
                    : "hybrid does NOT beat both fts and semantic on nDCG@10");
            if (!wins) {
                System.exit(1);
            }
        }
    }

    private static double dcg(List<Integer> grades) {
        double sum = 0;
        for (int i = 0; i < Math.min(K, grades.size()); i++) {
            sum += (Math.pow(2, grades.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
        }
        return sum;
    }

    private static double mean(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return to > from ? sum / (to - from) : 0;
    }
}
