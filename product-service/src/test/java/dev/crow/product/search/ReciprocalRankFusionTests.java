package dev.crow.product.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReciprocalRankFusionTests {

    @Test
    void documentsInBothListsBeatDocumentsInOne() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID d = UUID.randomUUID();
        List<ReciprocalRankFusion.Fused> fused = ReciprocalRankFusion.fuse(List.of(List.of(a, b, c), List.of(d, c, a)), 10);

        assertThat(fused).extracting(ReciprocalRankFusion.Fused::productId).containsExactly(a, c, d, b);
        assertThat(fused.get(0).score()).isEqualTo(1.0 / 61 + 1.0 / 63);
        assertThat(ReciprocalRankFusion.fuse(List.of(List.of(a, b, c), List.of()), 2)).hasSize(2);
    }
}
