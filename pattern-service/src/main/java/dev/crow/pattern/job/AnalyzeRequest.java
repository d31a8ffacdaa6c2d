package dev.crow.pattern.job;

/** Optional body of {@code POST /api/v1/patterns/analyze}: a period and/or explicit bounds. */
record AnalyzeRequest(String period, String from, String to) {

    static final AnalyzeRequest DEFAULT = new AnalyzeRequest(null, null, null);
}
