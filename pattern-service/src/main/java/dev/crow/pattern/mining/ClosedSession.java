package dev.crow.pattern.mining;

/**
 * A finished web session in compact form: its page path (interned, consecutive repeats of a page
 * collapsed) and the distinct products it touched.
 */
record ClosedSession(String sessionId, long startedAt, int[] pages, int[] products) {
}
