package dev.crow.gateway.auth;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialExtractorTests {

    private final CredentialExtractor extractor = new CredentialExtractor();

    @Test
    void apiKeyHeadersComeFirst() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Authorization", "Bearer session-token");
        headers.set("X-API-Key", "crow_abc");

        assertThat(extractor.extract(headers)).isEqualTo(new Credential(CredentialType.API_KEY, "crow_abc"));
    }

    @Test
    void apiKeyHeaderAlternativeIsAccepted() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("ApiKey", " crow_def ");

        assertThat(extractor.extract(headers)).isEqualTo(new Credential(CredentialType.API_KEY, "crow_def"));
    }

    @Test
    void bearerIsAnApiKeyWhenItHasTheCrowPrefixElseASession() {
        HttpHeaders key = new HttpHeaders();
        key.set("Authorization", "Bearer crow_xyz");
        HttpHeaders session = new HttpHeaders();
        session.set("Authorization", "bearer tok.sig");

        assertThat(extractor.extract(key)).isEqualTo(new Credential(CredentialType.API_KEY, "crow_xyz"));
        assertThat(extractor.extract(session)).isEqualTo(new Credential(CredentialType.BEARER, "tok.sig"));
    }

    @Test
    void secureCookieIsPreferredAndOtherCookiesAreIgnored() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Cookie", "xbetter-auth.session_token=no; better-auth.session_token=plain; "
                + "__Secure-better-auth.session_token=\"secure%2Bvalue\"; other=1");

        assertThat(extractor.extract(headers)).isEqualTo(new Credential(CredentialType.COOKIE, "secure%2Bvalue"));
    }

    @Test
    void cookieNameMustMatchExactly() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Cookie", "my-better-auth.session_token=nope; better-auth.session_tokens=nope");

        assertThat(extractor.extract(headers)).isNull();
    }

    @Test
    void otherSchemesAreNoCredential() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Authorization", "Basic dXNlcjpwYXNz");

        assertThat(extractor.extract(headers)).isNull();
    }

    @Test
    void credentialValueNeverAppearsInToString() {
        assertThat(new Credential(CredentialType.API_KEY, "crow_secret").toString()).doesNotContain("crow_secret");
    }
}
