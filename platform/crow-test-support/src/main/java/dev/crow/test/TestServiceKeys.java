package dev.crow.test;

import java.util.Base64;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The service key ({@code X-Service-API-Key}) of this test JVM: random per run, so no test can
 * pass by knowing a constant.
 */
public final class TestServiceKeys {

    public static final String HEADER = "X-Service-API-Key";

    private static final String KEY = Base64.getUrlEncoder().withoutPadding()
            .encodeToString(CrowPostgres.randomBytes(32));

    private TestServiceKeys() {
    }

    public static String serviceKey() {
        return KEY;
    }

    /** Sets {@code crow.platform.service-key} to this JVM's key. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("crow.platform.service-key", TestServiceKeys::serviceKey);
    }
}
