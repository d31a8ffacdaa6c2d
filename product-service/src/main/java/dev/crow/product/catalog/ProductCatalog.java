package dev.crow.product.catalog;

import dev.crow.platform.web.PageQuery;
import dev.crow.platform.web.PageResponse;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue's single writer and its reads. A crawled product is the same catalogue product
 * when its SKU matches, or, without a SKU, when its canonical URL does; upserts are atomic
 * ({@code INSERT … ON CONFLICT}) so two crawls of one shop cannot create duplicates.
 */
@Component
public class ProductCatalog {

    /** Whether the product was new, and its id. */
    public record Recorded(UUID id, boolean created) {
    }

    private static final String COLUMNS = "id, organization_id, name, description, price, currency, availability, "
            + "brand, sku, gtin, categories, url, markup, crawler_job_id, created_at, updated_at";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ProductCatalog(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional
    public Recorded record(String organizationId, UUID crawlerJobId, ProductDraft draft) {
        String hash = ProductText.hash(ProductText.of(draft.name(), draft.brand(), draft.categories(), draft.description()));
        if (draft.sku() != null) {
            // A product first seen without SKU at this URL gets the SKU now instead of a twin.
            jdbc.sql("UPDATE products SET sku = :sku WHERE organization_id = :org AND url = :url AND sku IS NULL "
                            + "AND NOT EXISTS (SELECT 1 FROM products p WHERE p.organization_id = :org AND p.sku = :sku)")
                    .param("sku", draft.sku()).param("org", organizationId).param("url", draft.url())
                    .update();
        }
        String conflict = draft.sku() != null
                ? "ON CONFLICT (organization_id, sku) WHERE sku IS NOT NULL"
                : "ON CONFLICT (organization_id, url) WHERE sku IS NULL";
        Map<String, Object> row = jdbc.sql("""
                        INSERT INTO products (id, organization_id, name, description, price, currency, availability,
                            brand, sku, gtin, categories, url, source_image_urls, markup, crawler_job_id,
                            content_hash, created_at, updated_at)
                        VALUES (:id, :org, :name, :description, :price, :currency, :availability, :brand, :sku, :gtin,
                            :categories, :url, :images, :markup, :job, :hash, now(), now())
                        """ + conflict + """
                         DO UPDATE SET name = EXCLUDED.name,
                            description = coalesce(EXCLUDED.description, products.description),
                            price = coalesce(EXCLUDED.price, products.price),
                            currency = coalesce(EXCLUDED.currency, products.currency),
                            availability = coalesce(EXCLUDED.availability, products.availability),
                            brand = coalesce(EXCLUDED.brand, products.brand),
                            gtin = coalesce(EXCLUDED.gtin, products.gtin),
                            categories = CASE WHEN cardinality(EXCLUDED.categories) > 0
                                THEN EXCLUDED.categories ELSE products.categories END,
                            url = EXCLUDED.url,
                            source_image_urls = EXCLUDED.source_image_urls,
                            markup = EXCLUDED.markup,
                            crawler_job_id = EXCLUDED.crawler_job_id,
                            content_hash = EXCLUDED.content_hash,
                            updated_at = now()
                        RETURNING id, (xmax = 0) AS created, content_hash
                        """)
                .param("id", UUID.randomUUID())
                .param("org", organizationId)
                .param("name", draft.name())
                .param("description", draft.description())
                .param("price", draft.price())
                .param("currency", draft.currency())
                .param("availability", draft.availability())
                .param("brand", draft.brand())
                .param("sku", draft.sku())
                .param("gtin", draft.gtin())
                .param("categories", draft.categories().toArray(String[]::new))
                .param("url", draft.url())
                .param("images", draft.imageUrls().toArray(String[]::new))
                .param("markup", draft.markup())
                .param("job", crawlerJobId)
                .param("hash", hash)
                .query().singleRow();
        UUID id = (UUID) row.get("id");
        events.publishEvent(new ProductChanged(organizationId, id));
        return new Recorded(id, Boolean.TRUE.equals(row.get("created")));
    }

    public Optional<ProductView> find(UUID id) {
        Optional<ProductView> product = jdbc.sql("SELECT " + COLUMNS + " FROM products WHERE id = :id")
                .param("id", id).query(ProductCatalog::view).optional();
        return product.map(p -> withImages(List.of(p)).get(0));
    }

    public PageResponse<ProductView> page(String organizationId, PageQuery query) {
        long total = jdbc.sql("SELECT count(*) FROM products WHERE organization_id = :org")
                .param("org", organizationId).query(Long.class).single();
        List<ProductView> rows = jdbc.sql("SELECT " + COLUMNS + " FROM products WHERE organization_id = :org "
                        + "ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .param("org", organizationId).param("limit", query.limit()).param("offset", query.offset())
                .query(ProductCatalog::view).list();
        return PageResponse.of(withImages(rows), query, total);
    }

    /** The organization's products with these ids, in the order of {@code ids}; others are skipped. */
    public List<ProductView> views(String organizationId, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, ProductView> byId = new HashMap<>();
        jdbc.sql("SELECT " + COLUMNS + " FROM products WHERE organization_id = :org AND id = ANY(:ids)")
                .param("org", organizationId).param("ids", ids.toArray(UUID[]::new))
                .query(ProductCatalog::view).list()
                .forEach(p -> byId.put(UUID.fromString(p.id()), p));
        List<ProductView> ordered = new ArrayList<>();
        for (UUID id : ids) {
            ProductView view = byId.get(id);
            if (view != null) {
                ordered.add(view);
            }
        }
        return withImages(ordered);
    }

    private List<ProductView> withImages(List<ProductView> products) {
        if (products.isEmpty()) {
            return products;
        }
        Map<UUID, List<ProductView.Image>> images = new LinkedHashMap<>();
        UUID[] ids = products.stream().map(p -> UUID.fromString(p.id())).toArray(UUID[]::new);
        jdbc.sql("SELECT product_id, object_key, content_type, width, height FROM product_images "
                        + "WHERE product_id = ANY(:ids) ORDER BY product_id, position")
                .param("ids", ids)
                .query((rs, n) -> {
                    images.computeIfAbsent((UUID) rs.getObject("product_id"), k -> new ArrayList<>())
                            .add(ProductView.Image.of(rs.getString("object_key"), rs.getString("content_type"),
                                    (Integer) rs.getObject("width"), (Integer) rs.getObject("height")));
                    return null;
                }).list();
        List<ProductView> out = new ArrayList<>(products.size());
        for (ProductView p : products) {
            List<ProductView.Image> own = images.getOrDefault(UUID.fromString(p.id()), List.of());
            out.add(new ProductView(p.id(), p.organizationId(), p.name(), p.description(), p.price(), p.currency(),
                    p.availability(), p.brand(), p.sku(), p.gtin(), p.categories(), p.url(), List.copyOf(own),
                    p.source(), p.crawlerJobId(), p.createdAt(), p.updatedAt()));
        }
        return out;
    }

    private static ProductView view(ResultSet rs, int rowNum) throws SQLException {
        Object job = rs.getObject("crawler_job_id");
        return new ProductView(
                rs.getObject("id").toString(),
                rs.getString("organization_id"),
                rs.getString("name"),
                rs.getString("description"),
                price(rs.getBigDecimal("price")),
                rs.getString("currency"),
                rs.getString("availability"),
                rs.getString("brand"),
                rs.getString("sku"),
                rs.getString("gtin"),
                strings(rs.getArray("categories")),
                rs.getString("url"),
                List.of(),
                rs.getString("markup"),
                job == null ? null : job.toString(),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")));
    }

    static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        List<String> out = new ArrayList<>(values.length);
        for (Object value : values) {
            out.add((String) value);
        }
        return out;
    }

    /** 129.9000 reads as 129.90, 45 as 45.00, 0.1234 stays: money keeps two decimals at least. */
    private static java.math.BigDecimal price(java.math.BigDecimal stored) {
        if (stored == null) {
            return null;
        }
        java.math.BigDecimal stripped = stored.stripTrailingZeros();
        return stripped.scale() < 2 ? stripped.setScale(2) : stripped;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
