package dev.crow.platform.testapp;

import dev.crow.platform.error.CrowException;
import dev.crow.platform.security.CallerContext;
import dev.crow.platform.security.JwksSource;
import dev.crow.platform.security.Permission;
import dev.crow.platform.web.PageQuery;
import dev.crow.platform.web.PageResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A minimal service built on the starter, exercised by the starter's tests. */
@SpringBootApplication
public class StarterTestApplication {

    public static final KeyPair SIGNING_KEY = TestTokens.newKeyPair();
    public static final String KID = "test-key-1";

    @Bean
    JwksSource testKeys() {
        return kid -> KID.equals(kid) ? Optional.of(SIGNING_KEY.getPublic()) : Optional.empty();
    }

    record Widget(String name, Instant createdAt) {
    }

    record CreateWidget(@NotBlank @Size(max = 20) String name) {
    }

    @RestController
    static class WidgetController {

        @GetMapping("/api/v1/widgets/organization/{orgId}")
        PageResponse<Widget> list(@PathVariable String orgId, CallerContext caller, PageQuery page) {
            caller.requireOrganization(orgId).require(Permission.PATTERNS);
            List<Widget> all = List.of(new Widget("a", Instant.parse("2025-11-14T10:28:44.214123456Z")));
            return PageResponse.of(all, page, all.size());
        }

        @PostMapping("/api/v1/widgets")
        Widget create(@Valid @RequestBody CreateWidget body, CallerContext caller) {
            return new Widget(body.name(), Instant.parse("2025-11-14T10:28:44Z"));
        }

        @GetMapping("/api/v1/widgets/{id}")
        Widget get(@PathVariable long id) {
            throw CrowException.notFound("Widget");
        }

        @GetMapping("/api/v1/widgets/boom")
        Widget boom() {
            throw new IllegalStateException("secret internals at com.example.Foo");
        }

        @GetMapping("/internal/widgets/count")
        Map<String, Object> count(CallerContext caller) {
            return Map.of("count", 1, "service", caller.isService());
        }
    }
}
