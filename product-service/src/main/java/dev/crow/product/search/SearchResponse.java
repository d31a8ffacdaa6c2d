package dev.crow.product.search;

import dev.crow.product.catalog.ProductView;
import java.util.List;

/**
 * @param type     what was asked for
 * @param strategy what ran: {@code semantic} when a hybrid query had no searchable words
 */
record SearchResponse(String query, String type, String strategy, int limit, List<Hit> data) {

    record Hit(double score, ProductView product) {
    }
}
