package dev.crow.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class TestServiceKeysTests {

    @Test
    void serviceKeyIsStableWithinTheJvmAndCarries32RandomBytes() {
        assertThat(TestServiceKeys.serviceKey()).isEqualTo(TestServiceKeys.serviceKey());
        assertThat(Base64.getUrlDecoder().decode(TestServiceKeys.serviceKey())).hasSize(32);
    }
}
