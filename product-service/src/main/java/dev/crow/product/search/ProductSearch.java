package dev.crow.product.search;

import dev.crow.platform.error.CrowException;
import dev.crow.platform.error.ErrorKind;
import dev.crow.product.catalog.ProductCatalog;
import dev.crow.product.catalog.ProductView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

/** Runs a search of one organization's catalogue in the requested mode. */
@Component
class ProductSearch {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 100;
    static final int FUSION_DEPTH = 50;
    static final int MAX_QUERY_LENGTH = 500;

    private final FullTextSearch fullText;
    private final Embedder embedder;
    private final VectorIndex vectors;
    private final ProductCatalog catalog;
    /** Runs hybrid searches' full-text half; when all threads are busy the request thread runs it itself. */
    private final ExecutorService textQueries = new ThreadPoolExecutor(2, 16, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "hybrid-fts");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.CallerRunsPolicy());

    ProductSearch(FullTextSearch fullText, Embedder embedder, VectorIndex vectors, ProductCatalog catalog) {
        this.fullText = fullText;
        this.embedder = embedder;
        this.vectors = vectors;
        this.catalog = catalog;
    }

    /** Ranked product ids with scores, without loading the products (what the benchmarks measure). */
    record Ranked(String strategy, List<UUID> ids, List<Double> scores) {
    }

    SearchResponse search(String organizationId, String query, SearchType type, int requestedLimit) {
        int limit = Math.min(requestedLimit, MAX_LIMIT);
        Ranked ranked = rank(organizationId, query, type, limit);
        List<ProductView> products = catalog.views(organizationId, ranked.ids());
        Map<String, Double> scoreById = new HashMap<>();
        for (int i = 0; i < ranked.ids().size(); i++) {
            scoreById.put(ranked.ids().get(i).toString(), ranked.scores().get(i));
        }
        List<SearchResponse.Hit> hits = products.stream()
                .map(p -> new SearchResponse.Hit(scoreById.get(p.id()), p))
                .toList();
        return new SearchResponse(query, type.wire(), ranked.strategy(), limit, hits);
    }

    Ranked rank(String organizationId, String rawQuery, SearchType type, int limit) {
        String query = rawQuery == null ? "" : rawQuery.strip();
        if (query.isEmpty() || query.length() > MAX_QUERY_LENGTH) {
            throw CrowException.invalid("q");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw CrowException.invalid("limit");
        }
        return switch (type) {
            case FTS -> fts(organizationId, query, limit);
            case SEMANTIC -> semantic(organizationId, query, limit);
            case HYBRID -> fullText.hasTextPart(query) ? hybrid(organizationId, query, limit)
                    : semantic(organizationId, query, limit);
        };
    }

    private Ranked fts(String organizationId, String query, int limit) {
        List<UUID> ids = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        for (FullTextSearch.Hit hit : fullText.search(organizationId, query, limit)) {
            ids.add(hit.productId());
            scores.add(hit.rank());
        }
        return new Ranked("fts", ids, scores);
    }

    private Ranked semantic(String organizationId, String query, int limit) {
        List<UUID> ids = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        for (VectorIndex.Hit hit : nearest(organizationId, query, limit)) {
            ids.add(hit.productId());
            scores.add((double) hit.score());
        }
        return new Ranked("semantic", ids, scores);
    }

    private Ranked hybrid(String organizationId, String query, int limit) {
        // The full-text query runs in PostgreSQL while this thread embeds the query and scans vectors.
        CompletableFuture<List<FullTextSearch.Hit>> text = CompletableFuture.supplyAsync(
                () -> fullText.search(organizationId, query, FUSION_DEPTH), textQueries);
        List<UUID> vectorRanking;
        try {
            vectorRanking = nearest(organizationId, query, FUSION_DEPTH).stream().map(VectorIndex.Hit::productId).toList();
        } catch (RuntimeException e) {
            text.cancel(false);
            throw e;
        }
        List<UUID> textRanking = join(text).stream().map(FullTextSearch.Hit::productId).toList();
        List<UUID> ids = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        for (ReciprocalRankFusion.Fused fused : ReciprocalRankFusion.fuse(List.of(textRanking, vectorRanking), limit)) {
            ids.add(fused.productId());
            scores.add(fused.score());
        }
        return new Ranked("hybrid", ids, scores);
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    @PreDestroy
    void stop() {
        textQueries.shutdown();
    }

    private List<VectorIndex.Hit> nearest(String organizationId, String query, int k) {
        if (!vectors.ready()) {
            throw new CrowException(ErrorKind.UPSTREAM_UNAVAILABLE, "Semantic search is starting up; try again shortly");
        }
        return vectors.search(organizationId, embedder.embed(query), k);
    }
}
