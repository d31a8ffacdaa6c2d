package dev.crow.pattern.mining;

/**
 * One interaction as the miners see it: a mutable holder the reader refills for every line, so
 * reading a million interactions allocates no million event objects.
 */
final class InteractionEvent {

    static final int WEB = 0;
    static final int CCTV = 1;
    static final int SOCIAL = 2;
    static final String[] SOURCES = {"web", "cctv", "social"};

    int source = -1;
    String type;
    long occurredAt;
    String sessionId;
    String url;
    String productId;
    String cameraId;

    void clear() {
        source = -1;
        type = null;
        occurredAt = Long.MIN_VALUE;
        sessionId = null;
        url = null;
        productId = null;
        cameraId = null;
    }

    boolean isPageView() {
        return "page_view".equals(type);
    }

    /** CCTV interactions that are a person arriving, as opposed to dwelling or passing. */
    boolean isFootfall() {
        return source == CCTV && ("visit".equals(type) || "entry".equals(type));
    }

    static int source(String name) {
        return switch (name) {
            case "web" -> WEB;
            case "cctv" -> CCTV;
            case "social" -> SOCIAL;
            default -> -1;
        };
    }
}
