package dev.crow.interaction.demo;

import dev.crow.interaction.SourceType;
import dev.crow.interaction.ingest.IngestResult;
import dev.crow.interaction.ingest.InteractionWriter;
import dev.crow.interaction.ingest.NewInteraction;
import dev.crow.platform.error.CrowException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /internal/interactions/demo?organizationId=&seed=&days=} (service key): loads the
 * synthetic demo data set, ending yesterday, for an organization through the normal writer.
 * Ids derive from the seed, so calling it again stores nothing new.
 */
@RestController
class DemoDataController {

    private static final Pattern ORGANIZATION_ID = Pattern.compile("[A-Za-z0-9_\\-]{1,64}");
    private static final int MAX_DAYS = 366;
    private static final int CHUNK = 1000;

    private final InteractionWriter writer;
    private final JsonMapper json;
    private final Clock clock;

    DemoDataController(InteractionWriter writer, JsonMapper json) {
        this.writer = writer;
        this.json = json;
        this.clock = Clock.systemUTC();
    }

    record DemoDataResult(String organizationId, long seed, LocalDate firstDay, int days, int accepted,
            int duplicates, PlantedPatterns planted) {
    }

    @PostMapping("/internal/interactions/demo")
    ResponseEntity<DemoDataResult> load(@RequestParam String organizationId,
            @RequestParam(defaultValue = "42") long seed, @RequestParam(defaultValue = "28") int days) {
        if (!ORGANIZATION_ID.matcher(organizationId).matches()) {
            throw CrowException.invalid("organizationId");
        }
        if (days < 1 || days > MAX_DAYS) {
            throw CrowException.invalid("days (1 to " + MAX_DAYS + ")");
        }
        LocalDate firstDay = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(days);
        SyntheticInteractions data = new SyntheticInteractions(SyntheticInteractions.Settings.defaults(seed, firstDay, days));
        int accepted = 0;
        int duplicates = 0;
        List<NewInteraction> chunk = new ArrayList<>(CHUNK);
        for (SyntheticInteraction interaction : data) {
            chunk.add(toNew(interaction));
            if (chunk.size() == CHUNK) {
                IngestResult result = writer.write(organizationId, chunk);
                accepted += result.acceptedCount();
                duplicates += result.duplicateCount();
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            IngestResult result = writer.write(organizationId, chunk);
            accepted += result.acceptedCount();
            duplicates += result.duplicateCount();
        }
        HttpStatus status = accepted > 0 ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status)
                .body(new DemoDataResult(organizationId, seed, firstDay, days, accepted, duplicates, data.planted()));
    }

    private NewInteraction toNew(SyntheticInteraction interaction) {
        return new NewInteraction(interaction.id(),
                SourceType.valueOf(interaction.sourceType().toUpperCase(Locale.ROOT)), interaction.type(),
                interaction.occurredAt(), interaction.visitorId(), interaction.sessionId(), interaction.url(),
                interaction.cameraId(), interaction.channel(), interaction.productId(), interaction.value(),
                interaction.metadata() == null ? null : json.writeValueAsString(interaction.metadata()));
    }
}
