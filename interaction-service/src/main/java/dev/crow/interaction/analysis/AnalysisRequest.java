package dev.crow.interaction.analysis;

/** Optional body of an analysis request: the window, as ISO-8601 instants or dates. */
record AnalysisRequest(String from, String to) {

    static final AnalysisRequest DEFAULT = new AnalysisRequest(null, null);
}
