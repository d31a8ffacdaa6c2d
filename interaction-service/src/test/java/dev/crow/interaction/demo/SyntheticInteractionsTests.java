package dev.crow.interaction.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyntheticInteractionsTests {

    private static final LocalDate FIRST = LocalDate.parse("2025-05-01");

    private static List<String> lines(SyntheticInteractions data) {
        List<String> lines = new ArrayList<>();
        data.forEach(interaction -> lines.add(interaction.toJson()));
        return lines;
    }

    @Test
    void theSameSeedGivesTheSameDataAndAnotherSeedOtherData() {
        SyntheticInteractions.Settings settings = SyntheticInteractions.Settings.defaults(5, FIRST, 3);
        assertThat(lines(new SyntheticInteractions(settings))).isEqualTo(lines(new SyntheticInteractions(settings)));
        assertThat(lines(new SyntheticInteractions(SyntheticInteractions.Settings.defaults(6, FIRST, 3))))
                .isNotEqualTo(lines(new SyntheticInteractions(settings)));
    }

    @Test
    void interactionsComeInTimeOrderWithinTheirDaysAndUniqueIds() {
        SyntheticInteractions data = new SyntheticInteractions(SyntheticInteractions.Settings.defaults(1, FIRST, 20));
        Instant previous = Instant.MIN;
        Set<String> ids = new HashSet<>();
        Instant end = FIRST.plusDays(20).atStartOfDay(ZoneOffset.UTC).toInstant();
        for (SyntheticInteraction interaction : data) {
            assertThat(interaction.occurredAt()).isAfterOrEqualTo(previous).isBefore(end);
            assertThat(ids.add(interaction.id())).isTrue();
            previous = interaction.occurredAt();
        }
        assertThat(ids.size()).isBetween(50_000, 70_000);
    }

    @Test
    void plantsThePathAndThePairInTheirShareOfSessions() {
        SyntheticInteractions data = new SyntheticInteractions(SyntheticInteractions.Settings.defaults(2, FIRST, 10));
        Set<String> sessions = new HashSet<>();
        Set<String> pathStarts = new HashSet<>();
        Set<String> pairBuyers = new HashSet<>();
        Set<String> firstSeen = new HashSet<>();
        for (SyntheticInteraction interaction : data) {
            if (interaction.sessionId() == null) {
                continue;
            }
            sessions.add(interaction.sessionId());
            if (firstSeen.add(interaction.sessionId()) && "/landing/summer-sale".equals(interaction.url())) {
                pathStarts.add(interaction.sessionId());
            }
            if ("purchase".equals(interaction.type()) && "p-13".equals(interaction.productId())) {
                pairBuyers.add(interaction.sessionId());
            }
        }
        assertThat(pathStarts.size() / (double) sessions.size()).isBetween(0.08, 0.12);
        assertThat(pairBuyers.size() / (double) sessions.size()).isBetween(0.05, 0.09);
        assertThat(data.planted().navigationPath()).containsExactly("/landing/summer-sale", "/collections/summer",
                "/products/p-21");
        assertThat(data.planted().spikeDay()).isNull();
    }

    @Test
    void theNdjsonStreamIsTheRenderedInteractionsLineByLine() throws IOException {
        SyntheticInteractions data = new SyntheticInteractions(SyntheticInteractions.Settings.defaults(3, FIRST, 2));
        try (InputStream in = data.ndjson()) {
            String streamed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(streamed).isEqualTo(String.join("\n", lines(data)) + "\n");
        }
    }

    @Test
    void rendersJsonWithEscapes() {
        SyntheticInteraction interaction = new SyntheticInteraction("i", "social", "mention",
                Instant.parse("2025-05-01T10:00:00Z"), null, null, null, null, "x", null, 1.5,
                java.util.Map.of("text", "say \"hi\"\n"));
        assertThat(interaction.toJson()).isEqualTo("{\"id\":\"i\",\"sourceType\":\"social\",\"type\":\"mention\","
                + "\"occurredAt\":\"2025-05-01T10:00:00Z\",\"channel\":\"x\",\"value\":1.5,"
                + "\"metadata\":{\"text\":\"say \\\"hi\\\"\\u000a\"}}");
    }
}
