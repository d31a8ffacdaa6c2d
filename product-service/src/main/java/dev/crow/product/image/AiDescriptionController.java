package dev.crow.product.image;

import dev.crow.platform.error.CrowException;
import dev.crow.platform.security.CallerContext;
import dev.crow.platform.security.Permission;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AiDescriptionController {

    private final AiDescriptions descriptions;

    AiDescriptionController(AiDescriptions descriptions) {
        this.descriptions = descriptions;
    }

    @GetMapping("/api/v1/products/{id}/ai-descriptions")
    AiDescriptionsView describe(CallerContext caller, @PathVariable String id) {
        UUID productId;
        try {
            productId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw CrowException.invalid("id");
        }
        return descriptions.describe(caller.require(Permission.PRODUCTS), productId);
    }
}
