package dev.crow.product.search;

import dev.crow.platform.error.CrowException;
import dev.crow.platform.error.ErrorKind;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process embedding model (int8 all-MiniLM-L6-v2, 384 dimensions, unit vectors). Loading
 * takes seconds, so it happens once, on a background thread started with the application; a
 * request that arrives before it is done waits a bounded time and then gets a 503.
 */
class Embedder {

    static final String MODEL_NAME = "all-minilm-l6-v2-q";
    static final int DIMENSIONS = 384;

    private static final Logger log = LoggerFactory.getLogger(Embedder.class);

    private final Supplier<EmbeddingModel> loader;
    private final Duration wait;
    private volatile CompletableFuture<EmbeddingModel> model;

    Embedder(Duration wait) {
        this(AllMiniLmL6V2QuantizedEmbeddingModel::new, wait);
    }

    Embedder(Supplier<EmbeddingModel> loader, Duration wait) {
        this.loader = loader;
        this.wait = wait;
    }

    /** Starts loading in the background; later calls do nothing. */
    synchronized CompletableFuture<EmbeddingModel> load() {
        if (model == null) {
            model = CompletableFuture.supplyAsync(() -> {
                long start = System.nanoTime();
                EmbeddingModel loaded = loader.get();
                loaded.embed("warm up");
                log.info("embedding model {} loaded in {} ms", MODEL_NAME, (System.nanoTime() - start) / 1_000_000);
                return loaded;
            }, runnable -> {
                Thread thread = new Thread(runnable, "embedding-model-loader");
                thread.setDaemon(true);
                thread.start();
            });
        }
        return model;
    }

    boolean ready() {
        CompletableFuture<EmbeddingModel> current = model;
        return current != null && current.isDone() && !current.isCompletedExceptionally();
    }

    float[] embed(String text) {
        return model(wait).embed(text).content().vector();
    }

    /** For background work, which can wait as long as loading takes. */
    float[] embedWhenReady(String text) throws InterruptedException {
        try {
            return load().get().embed(text).content().vector();
        } catch (ExecutionException e) {
            throw new IllegalStateException("embedding model failed to load", e.getCause());
        }
    }

    private EmbeddingModel model(Duration timeout) {
        try {
            return load().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new CrowException(ErrorKind.UPSTREAM_UNAVAILABLE, "Semantic search is starting up; try again shortly");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CrowException(ErrorKind.UPSTREAM_UNAVAILABLE, "Semantic search is unavailable");
        } catch (ExecutionException e) {
            log.error("embedding model failed to load", e.getCause());
            throw new CrowException(ErrorKind.UPSTREAM_UNAVAILABLE, "Semantic search is unavailable");
        }
    }
}
