package dev.crow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

/** Sign-up, organization and API key through the gateway, as a new customer does it. */
final class Accounts {

    static final String PASSWORD = "correct horse battery staple";

    private Accounts() {
    }

    record Owner(Client browser, String email, String userId, String organizationId, String apiKey, String apiKeyId) {
    }

    static String uniqueEmail(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@acme-retail.example";
    }

    static Client signUp(Client browser, String name, String email) {
        var signUp = browser.post("/api/v1/auth/sign-up/email", Map.of("name", name, "email", email, "password", PASSWORD));
        assertThat(signUp.status()).as(signUp.body()).isEqualTo(200);
        return browser;
    }

    /** Signs up, signs in again (cookie), creates an organization and an API key. */
    static Owner owner(String gateway) {
        Client browser = new Client(gateway);
        String email = uniqueEmail("owner");
        signUp(browser, "Ada Owner", email);
        var signIn = browser.post("/api/v1/auth/sign-in/email", Map.of("email", email, "password", PASSWORD));
        assertThat(signIn.status()).as(signIn.body()).isEqualTo(200);
        assertThat(browser.cookies()).containsKey("better-auth.session_token");
        String userId = signIn.json().path("user").path("id").asString();

        var organization = browser.post("/api/v1/auth/organization/create",
                Map.of("name", "Acme Retail", "slug", "acme-" + UUID.randomUUID().toString().substring(0, 8)));
        assertThat(organization.status()).as(organization.body()).isEqualTo(200);
        String organizationId = organization.json().path("id").asString();

        var key = browser.post("/api/v1/auth/api-key/create", Map.of("name", "e2e key"));
        assertThat(key.status()).as(key.body()).isEqualTo(200);
        return new Owner(browser, email, userId, organizationId, key.json().path("key").asString(),
                key.json().path("id").asString());
    }
}
