package dev.crow.auth.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crow.platform.error.CrowException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTests {

    @ParameterizedTest
    @ValueSource(strings = {"gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk", "yahoo.fr", "yahoo.com.br",
            "outlook.com", "outlook.fr", "hotmail.com", "hotmail.co.uk", "hotmail.de", "live.com", "live.co.uk", "msn.com",
            "icloud.com", "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net", "gmx.com", "mail.com",
            "yandex.ru", "yandex.com", "zoho.com", "GMAIL.COM"})
    void rejectsConsumerEmailDomains(String domain) {
        assertThat(EmailAddresses.isConsumerDomain(domain)).isTrue();
        String email = EmailAddresses.normalize("someone@" + domain);
        assertThatThrownBy(() -> EmailAddresses.requireBusinessDomain(email))
                .isInstanceOfSatisfying(CrowException.class, e -> {
                    assertThat(e.code()).isEqualTo("CONSUMER_EMAIL_DOMAIN");
                    assertThat(e.kind().status()).isEqualTo(400);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme.com", "crowai.dev", "mail.acme.co.uk", "yahoo-fans.example", "gmailer.io",
            "yahoo.example.com", "livestream.com", "company.live"})
    void acceptsBusinessDomains(String domain) {
        assertThat(EmailAddresses.isConsumerDomain(domain)).isFalse();
        EmailAddresses.requireBusinessDomain("someone@" + domain);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "@acme.com", "a@", "a@acme", "a b@acme.com", "a@acme..com", "a@-acme.com"})
    void rejectsMalformedAddresses(String email) {
        assertThatThrownBy(() -> EmailAddresses.normalize(email))
                .isInstanceOfSatisfying(CrowException.class, e -> assertThat(e.code()).isEqualTo("VALIDATION_ERROR"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ada.Lovelace@ACME.com", "  ada.lovelace@acme.com "})
    void normalizesToTrimmedLowerCase(String email) {
        assertThat(EmailAddresses.normalize(email)).isEqualTo("ada.lovelace@acme.com");
    }
}
