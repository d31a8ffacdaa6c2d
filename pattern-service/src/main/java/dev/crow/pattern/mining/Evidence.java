package dev.crow.pattern.mining;

import java.util.LinkedHashMap;
import java.util.Map;

/** Insertion-ordered evidence maps from alternating keys and values. */
final class Evidence {

    private Evidence() {
    }

    static Map<String, Object> of(Object... keysAndValues) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            evidence.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return evidence;
    }
}
