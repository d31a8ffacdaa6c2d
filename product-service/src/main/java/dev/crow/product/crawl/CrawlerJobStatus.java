package dev.crow.product.crawl;

import java.util.Locale;

enum CrawlerJobStatus {
    QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean finished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    static CrawlerJobStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
