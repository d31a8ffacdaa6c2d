package dev.crow.interaction;

import dev.crow.platform.error.CrowException;
import java.util.Locale;

/** Where an interaction was observed. The wire name is the lower-case constant name. */
public enum SourceType {
    WEB, CCTV, SOCIAL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The source named {@code value}; a 400 naming {@code field} otherwise. */
    public static SourceType parse(String value, String field) {
        if (value != null) {
            for (SourceType type : values()) {
                if (type.wireName().equals(value)) {
                    return type;
                }
            }
        }
        throw CrowException.invalid(field);
    }
}
