package dev.crow.interaction.export;

import dev.crow.interaction.TimeWindow;
import dev.crow.platform.error.CrowException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code /internal/interactions/*}, for other CROW services only (the starter requires the
 * service key there): pattern-service reads interactions through these, never through the schema.
 */
@RestController
class InteractionExportController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    private static final Pattern ORGANIZATION_ID = Pattern.compile("[A-Za-z0-9_\\-]{1,64}");

    private final InteractionExporter exporter;

    InteractionExportController(InteractionExporter exporter) {
        this.exporter = exporter;
    }

    @GetMapping("/internal/interactions/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam String organizationId,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        String organization = organizationId(organizationId);
        TimeWindow window = TimeWindow.parse(from, to);
        return ResponseEntity.ok().contentType(NDJSON).body(out -> exporter.export(organization, window, out));
    }

    @GetMapping("/internal/interactions/organizations")
    OrganizationIds organizations(@RequestParam(required = false) String since) {
        return new OrganizationIds(exporter.organizations(TimeWindow.instant(since, "since")));
    }

    static String organizationId(String value) {
        if (value == null || !ORGANIZATION_ID.matcher(value).matches()) {
            throw CrowException.invalid("organizationId");
        }
        return value;
    }

    /** Organizations that have interactions. */
    record OrganizationIds(List<String> organizationIds) {
    }
}
