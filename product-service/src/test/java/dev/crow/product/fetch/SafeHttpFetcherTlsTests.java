package dev.crow.product.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crow.product.fetch.FetchException.Reason;
import dev.crow.product.testing.FixtureServer;
import dev.crow.product.testing.FixtureServer.Reply;
import dev.crow.product.testing.TestCertificates;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTPS goes to the checked address with the host name in SNI and certificate verification on. */
class SafeHttpFetcherTlsTests {

    static TestCertificates certificates;
    static FixtureServer shop;

    @BeforeAll
    static void start() {
        certificates = TestCertificates.forLoopback();
        shop = FixtureServer.startTls(certificates.server());
        shop.route("/", Reply.html("<h1>secure shop</h1>"));
    }

    @AfterAll
    static void stop() {
        shop.close();
    }

    private SafeHttpFetcher fetcher() {
        FetchPolicy policy = new FetchPolicy(Set.of(443), Set.of(), Set.of(), Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(5), 5, "CrowBot-test");
        HostResolver resolver = host -> {
            if (host.equals("wrong-name.example")) {
                return List.of(InetAddress.getLoopbackAddress());
            }
            throw new java.net.UnknownHostException(host);
        };
        return new SafeHttpFetcher(policy, resolver, certificates.client().getSocketFactory());
    }

    @Test
    void fetchesOverTlsWhenTheCertificateMatchesTheHost() throws FetchException {
        TargetUrl url = TargetUrl.parse("https://127.0.0.1:" + shop.port() + "/");
        FetchedResponse response = fetcher().get(url, FetchOptions.of(10_000, "*/*").withPrivateOrigin(url.origin()));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).contains("secure shop");
    }

    @Test
    void refusesACertificateIssuedForAnotherHost() throws FetchException {
        TargetUrl url = TargetUrl.parse("https://wrong-name.example:" + shop.port() + "/");
        assertThatThrownBy(() -> fetcher().get(url, FetchOptions.of(10_000, "*/*").withPrivateOrigin(url.origin())))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CONNECTION_FAILED));
    }

    @Test
    void refusesPlainHttpSpokenToATlsPort() throws FetchException {
        TargetUrl url = TargetUrl.parse("http://127.0.0.1:" + shop.port() + "/");
        assertThatThrownBy(() -> fetcher().get(url, FetchOptions.of(10_000, "*/*").withPrivateOrigin(url.origin())))
                .isInstanceOf(FetchException.class);
    }
}
