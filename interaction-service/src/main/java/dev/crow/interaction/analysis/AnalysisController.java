package dev.crow.interaction.analysis;

import dev.crow.platform.security.CallerContext;
import dev.crow.platform.security.Permission;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/interactions/organization/{orgId}/analyze}: the organization's analysis, computed now. */
@RestController
class AnalysisController {

    private final InteractionAnalyzer analyzer;

    AnalysisController(InteractionAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    @PostMapping("/api/v1/interactions/organization/{orgId}/analyze")
    AnalysisReport analyze(CallerContext caller, @PathVariable String orgId,
            @RequestBody(required = false) AnalysisRequest request) {
        caller.require(Permission.INTERACTIONS).requireOrganization(orgId);
        return analyzer.analyze(orgId, request == null ? AnalysisRequest.DEFAULT : request);
    }
}
