package dev.crow.product.search;

import dev.crow.platform.error.CrowException;
import java.util.Locale;

enum SearchType {
    FTS, SEMANTIC, HYBRID;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SearchType parse(String value) {
        if (value == null || value.isBlank()) {
            return HYBRID;
        }
        for (SearchType type : values()) {
            if (type.wire().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return type;
            }
        }
        throw CrowException.invalid("type");
    }
}
