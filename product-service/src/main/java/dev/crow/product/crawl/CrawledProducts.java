package dev.crow.product.crawl;

import dev.crow.product.catalog.ProductCatalog;
import dev.crow.product.catalog.ProductDraft;
import dev.crow.product.fetch.Origin;
import dev.crow.product.image.ProductImages;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Hands products a crawl found to the catalogue and downloads their images. */
@Component
class CrawledProducts {

    record Saved(UUID productId, int imagesStored) {
    }

    private final ProductCatalog catalog;
    private final ProductImages images;

    CrawledProducts(ProductCatalog catalog, ProductImages images) {
        this.catalog = catalog;
        this.images = images;
    }

    Saved save(String organizationId, UUID jobId, ExtractedProduct product, Origin privateOrigin, CrawlListener listener) {
        ProductDraft draft = new ProductDraft(product.name(), product.description(), product.price(), product.currency(),
                product.availability(), product.brand(), product.sku(), product.gtin(), product.categories(),
                product.url(), product.images(), product.markup());
        ProductCatalog.Recorded recorded = catalog.record(organizationId, jobId, draft);
        ProductImages.Attached attached = images.attach(organizationId, recorded.id(), product.images(), privateOrigin);
        attached.errors().forEach(message -> listener.error(product.url(), message));
        return new Saved(recorded.id(), attached.stored());
    }
}
