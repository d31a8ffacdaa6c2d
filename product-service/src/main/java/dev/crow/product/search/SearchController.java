package dev.crow.product.search;

import dev.crow.platform.error.CrowException;
import dev.crow.platform.security.CallerContext;
import dev.crow.platform.security.Permission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SearchController {

    private final ProductSearch search;

    SearchController(ProductSearch search) {
        this.search = search;
    }

    /** Searches the caller's own organization; there is no organization parameter to tamper with. */
    @GetMapping("/api/v1/products/search")
    SearchResponse search(CallerContext caller, @RequestParam(required = false) String q,
            @RequestParam(required = false) String type, @RequestParam(required = false) String limit) {
        String organizationId = caller.require(Permission.PRODUCTS).organization();
        return search.search(organizationId, q, SearchType.parse(type), limit(limit));
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return ProductSearch.DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw CrowException.invalid("limit");
        }
    }
}
