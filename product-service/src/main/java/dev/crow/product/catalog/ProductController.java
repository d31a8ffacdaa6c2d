package dev.crow.product.catalog;

import dev.crow.platform.error.CrowException;
import dev.crow.platform.security.CallerContext;
import dev.crow.platform.security.Permission;
import dev.crow.platform.web.PageQuery;
import dev.crow.platform.web.PageResponse;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/products")
class ProductController {

    private final ProductCatalog catalog;

    ProductController(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/organization/{orgId}")
    PageResponse<ProductView> list(CallerContext caller, @PathVariable String orgId, PageQuery page) {
        caller.require(Permission.PRODUCTS).requireOrganization(orgId);
        return catalog.page(orgId, page);
    }

    @GetMapping("/{id}")
    ProductView get(CallerContext caller, @PathVariable String id) {
        caller.require(Permission.PRODUCTS);
        ProductView product = catalog.find(productId(id)).orElseThrow(() -> CrowException.notFound("Product"));
        caller.requireOrganization(product.organizationId());
        return product;
    }

    /** Product ids are UUIDs; anything else is a malformed request, not an unknown product. */
    static UUID productId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw CrowException.invalid("id");
        }
    }
}
