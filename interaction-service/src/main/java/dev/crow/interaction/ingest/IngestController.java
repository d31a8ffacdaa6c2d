package dev.crow.interaction.ingest;

import dev.crow.interaction.InteractionProperties;
import dev.crow.platform.security.CallerContext;
import dev.crow.platform.security.Permission;
import dev.crow.platform.error.CrowException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/interactions}: one interaction or {@code {"interactions": [...]}} for the
 * caller's organization. 201 when something new was stored, 200 when every id was already
 * stored (a resend).
 */
@RestController
class IngestController {

    private final InteractionBatchParser parser;
    private final InteractionWriter writer;
    private final InteractionProperties.Ingest limits;
    private final Clock clock;

    IngestController(InteractionBatchParser parser, InteractionWriter writer, InteractionProperties properties) {
        this.parser = parser;
        this.writer = writer;
        this.limits = properties.ingest();
        this.clock = Clock.systemUTC();
    }

    @PostMapping(path = "/api/v1/interactions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IngestResult> ingest(CallerContext caller, HttpServletRequest request) throws IOException {
        // write-only browser keys hold interactions:ingest; full keys and sessions hold interactions
        if (!caller.has(Permission.INTERACTIONS) && !caller.has(Permission.INTERACTIONS_INGEST)) {
            throw CrowException.forbidden("Missing permission: interactions or interactions:ingest");
        }
        String organizationId = caller.organization();
        byte[] body = BoundedBody.read(request, limits.maxBody().toBytes());
        List<NewInteraction> batch = parser.parse(body, clock.instant());
        IngestResult result = writer.write(organizationId, batch);
        HttpStatus status = result.acceptedCount() > 0 ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status).body(result);
    }
}
