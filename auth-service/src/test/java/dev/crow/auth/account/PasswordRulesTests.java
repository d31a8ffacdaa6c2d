package dev.crow.auth.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crow.platform.error.CrowException;
import org.junit.jupiter.api.Test;

class PasswordRulesTests {

    @Test
    void acceptsEightToOneHundredTwentyEightCharacters() {
        assertThat(PasswordRules.require("a".repeat(8))).hasSize(8);
        assertThat(PasswordRules.require("a".repeat(128))).hasSize(128);
    }

    @Test
    void rejectsShortAndLongPasswordsWithBetterAuthCodes() {
        assertThatThrownBy(() -> PasswordRules.require("a".repeat(7)))
                .isInstanceOfSatisfying(CrowException.class, e -> assertThat(e.code()).isEqualTo("PASSWORD_TOO_SHORT"));
        assertThatThrownBy(() -> PasswordRules.require(null))
                .isInstanceOfSatisfying(CrowException.class, e -> assertThat(e.code()).isEqualTo("PASSWORD_TOO_SHORT"));
        assertThatThrownBy(() -> PasswordRules.require("a".repeat(129)))
                .isInstanceOfSatisfying(CrowException.class, e -> assertThat(e.code()).isEqualTo("PASSWORD_TOO_LONG"));
    }
}
