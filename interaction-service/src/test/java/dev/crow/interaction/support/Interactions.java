package dev.crow.interaction.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** Builds ingestion request bodies for tests. */
public final class Interactions {

    private Interactions() {
    }

    public static String web(String id, String type, Instant at, String url) {
        return "{\"id\":\"" + id + "\",\"sourceType\":\"web\",\"type\":\"" + type + "\",\"occurredAt\":\"" + at
                + "\",\"visitorId\":\"v1\",\"sessionId\":\"s1\",\"url\":\"" + url + "\"}";
    }

    public static String batch(List<String> items) {
        StringJoiner joined = new StringJoiner(",", "{\"interactions\":[", "]}");
        items.forEach(joined::add);
        return joined.toString();
    }

    public static List<String> pageViews(String prefix, int count, Instant at) {
        List<String> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            items.add(web(prefix + "-" + i, "page_view", at.plusMillis(i), "https://shop.example/products/p-" + i));
        }
        return items;
    }
}
