package dev.crow.product.search;

import dev.crow.product.ProductProperties;
import dev.crow.product.catalog.ProductChanged;
import dev.crow.product.catalog.ProductText;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps product embeddings in step with the catalogue, in the background. A product needs a
 * new vector when it has none, when its content hash changed, or when the model changed; batches
 * of such products are claimed with {@code FOR UPDATE SKIP LOCKED}, so several instances share
 * the work. With the in-JVM index this worker also loads every stored vector at startup and
 * picks up vectors other instances wrote (by {@code updated_at}).
 */
class EmbeddingWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingWorker.class);
    /** Re-read a margin before the watermark: a transaction's now() is its start, not its commit. */
    private static final long REFRESH_OVERLAP_SECONDS = 60;

    private record Pending(UUID id, String organizationId, String text, String hash) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Embedder embedder;
    private final VectorIndex index;
    private final ProductProperties.Search settings;
    private final Semaphore wakeups = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;
    private Instant watermark = Instant.EPOCH;
    private long lastRefreshNanos;

    EmbeddingWorker(JdbcClient jdbc, TransactionTemplate transactions, Embedder embedder, VectorIndex index,
            ProductProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.embedder = embedder;
        this.index = index;
        this.settings = properties.search();
    }

    @EventListener
    void productChanged(ProductChanged event) {
        wakeups.release();
    }

    @Override
    public synchronized void start() {
        running = true;
        embedder.load();
        thread = new Thread(this::work, "embedding-worker");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                // a daemon thread: if it is stuck in a model call or I/O, the next start redoes its batch
                thread.join(TimeUnit.SECONDS.toMillis(3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void work() {
        while (running) {
            try {
                if (!index.ready() && index instanceof InMemoryVectorIndex memory) {
                    int loaded = refresh(memory);
                    memory.markReady();
                    log.info("in-JVM vector index loaded with {} vectors", loaded);
                }
                int embedded = embedBatch();
                if (embedded == 0) {
                    if (index instanceof InMemoryVectorIndex memory
                            && System.nanoTime() - lastRefreshNanos > settings.indexRefreshInterval().toNanos()) {
                        refresh(memory);
                    }
                    wakeups.tryAcquire(settings.embeddingPollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeups.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("embedding worker failed: {}", e.toString());
                try {
                    wakeups.tryAcquire(settings.embeddingPollInterval().toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** Embeds one batch of stale products; returns how many. */
    int embedBatch() throws InterruptedException {
        List<Pending> done = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        InterruptedException[] interrupted = new InterruptedException[1];
        transactions.executeWithoutResult(status -> {
            List<Pending> pending = jdbc.sql("""
                            SELECT p.id, p.organization_id, p.name, p.brand, p.categories, p.description, p.content_hash
                            FROM products p LEFT JOIN product_embeddings e ON e.product_id = p.id
                            WHERE e.product_id IS NULL OR e.content_hash <> p.content_hash OR e.model <> :model
                            ORDER BY p.updated_at
                            LIMIT :limit
                            FOR UPDATE OF p SKIP LOCKED
                            """)
                    .param("model", Embedder.MODEL_NAME).param("limit", settings.embeddingBatchSize())
                    .query((rs, n) -> new Pending((UUID) rs.getObject("id"), rs.getString("organization_id"),
                            ProductText.of(rs.getString("name"), rs.getString("brand"), strings(rs.getArray("categories")),
                                    rs.getString("description")),
                            rs.getString("content_hash")))
                    .list();
            for (Pending product : pending) {
                float[] vector;
                try {
                    vector = embedder.embedWhenReady(product.text());
                } catch (InterruptedException e) {
                    interrupted[0] = e;
                    status.setRollbackOnly();
                    return;
                }
                jdbc.sql("""
                                INSERT INTO product_embeddings (product_id, organization_id, model, content_hash, embedding, updated_at)
                                VALUES (:id, :org, :model, :hash, :embedding, now())
                                ON CONFLICT (product_id) DO UPDATE SET model = EXCLUDED.model,
                                    content_hash = EXCLUDED.content_hash, embedding = EXCLUDED.embedding, updated_at = now()
                                """)
                        .param("id", product.id()).param("org", product.organizationId())
                        .param("model", Embedder.MODEL_NAME).param("hash", product.hash())
                        .param("embedding", vector)
                        .update();
                done.add(product);
                vectors.add(vector);
            }
        });
        if (interrupted[0] != null) {
            throw interrupted[0];
        }
        for (int i = 0; i < done.size(); i++) {
            index.upsert(done.get(i).organizationId(), done.get(i).id(), vectors.get(i));
        }
        return done.size();
    }

    /** Loads vectors written since the watermark (all of them on the first call) into the in-JVM index. */
    private int refresh(InMemoryVectorIndex memory) {
        lastRefreshNanos = System.nanoTime();
        Instant since = watermark.equals(Instant.EPOCH) ? Instant.EPOCH : watermark.minusSeconds(REFRESH_OVERLAP_SECONDS);
        int[] count = new int[1];
        jdbc.sql("SELECT product_id, organization_id, embedding, updated_at FROM product_embeddings "
                        + "WHERE model = :model AND updated_at > :since")
                .param("model", Embedder.MODEL_NAME).param("since", Timestamp.from(since))
                .query(rs -> {
                    Object[] values = (Object[]) rs.getArray("embedding").getArray();
                    float[] vector = new float[values.length];
                    for (int i = 0; i < values.length; i++) {
                        vector[i] = ((Number) values[i]).floatValue();
                    }
                    if (vector.length == Embedder.DIMENSIONS) {
                        memory.upsert(rs.getString("organization_id"), (UUID) rs.getObject("product_id"), vector);
                        count[0]++;
                    }
                    Instant updated = rs.getTimestamp("updated_at").toInstant();
                    if (updated.isAfter(watermark)) {
                        watermark = updated;
                    }
                });
        return count[0];
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Object value : (Object[]) array.getArray()) {
            out.add((String) value);
        }
        return out;
    }
}
