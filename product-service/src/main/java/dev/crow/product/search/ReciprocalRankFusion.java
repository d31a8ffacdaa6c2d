package dev.crow.product.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reciprocal Rank Fusion (Cormack et al., 2009): score = Σ 1/(k + rank) over the ranked lists a
 * document appears in. Only ranks matter, so full-text ranks and cosine similarities need no
 * common scale.
 */
final class ReciprocalRankFusion {

    static final int K = 60;

    record Fused(UUID productId, double score) {
    }

    private ReciprocalRankFusion() {
    }

    static List<Fused> fuse(List<List<UUID>> rankings, int limit) {
        Map<UUID, Double> scores = new LinkedHashMap<>();
        for (List<UUID> ranking : rankings) {
            for (int rank = 0; rank < ranking.size(); rank++) {
                scores.merge(ranking.get(rank), 1.0 / (K + rank + 1), Double::sum);
            }
        }
        List<Fused> fused = new ArrayList<>();
        scores.forEach((id, score) -> fused.add(new Fused(id, score)));
        // Ties (same ranks in swapped lists) keep first-seen order, which favours the first list.
        fused.sort((a, b) -> Double.compare(b.score(), a.score()));
        return fused.subList(0, Math.min(limit, fused.size()));
    }
}
