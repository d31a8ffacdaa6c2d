package dev.crow.auth.organization;

import dev.crow.platform.error.CrowException;
import java.util.Locale;

/** An organization's plan tier; it decides the gateway's rate limits. */
public enum Tier {
    FREE, STARTER, PROFESSIONAL, ENTERPRISE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** 400 unless {@code value} is one of free, starter, professional, enterprise. */
    static Tier fromWireName(String value) {
        if (value != null) {
            for (Tier tier : values()) {
                if (tier.wireName().equals(value)) {
                    return tier;
                }
            }
        }
        throw CrowException.invalid("tier");
    }
}
