package dev.crow.product.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crow.product.fetch.FetchException.Reason;
import dev.crow.product.testing.FixtureServer;
import dev.crow.product.testing.FixtureServer.Reply;
import java.io.ByteArrayOutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SafeHttpFetcherTests {

    /** The listening socket every bypass attempt aims at; it must never see a connection. */
    static FixtureServer target;
    /** Stands in for a CROW service on loopback (crow.platform.services.*). */
    static final FixtureServer SERVICE = FixtureServer.start();
    static final int SERVICE_PORT = SERVICE.port();
    static SafeHttpFetcher fetcher;

    @BeforeAll
    static void startTarget() {
        target = FixtureServer.start();
        target.route("/", Reply.html("<p>you reached the internal target</p>"));
        fetcher = fetcher(Set.of(80, 443, target.port()), Duration.ofSeconds(5));
    }

    @AfterAll
    static void stopTarget() {
        target.close();
    }

    static SafeHttpFetcher fetcher(Set<Integer> ports, Duration deadline) {
        FetchPolicy policy = new FetchPolicy(ports, Set.of("auth.crow.example", "products.crow.example"),
                Set.of("127.0.0.1:" + SERVICE_PORT), Duration.ofSeconds(2), Duration.ofSeconds(2), deadline, 5, "CrowBot-test");
        return new SafeHttpFetcher(policy, SafeHttpFetcherTests::resolve, (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    /** A fake DNS: names that resolve to private addresses, without any real lookup. */
    static List<InetAddress> resolve(String host) throws UnknownHostException {
        return switch (host) {
            case "rebind.example" -> List.of(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
            case "intranet.example" -> List.of(InetAddress.getByAddress(new byte[] {10, 0, 0, 5}));
            case "mixed.example" -> List.of(InetAddress.getByAddress(new byte[] {93, (byte) 184, (byte) 216, 34}),
                    InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
            case "v6loop.example" -> List.of(InetAddress.getByName("::1"));
            case "mapped.example" -> List.of(Inet6Address.getByAddress(null,
                    new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1}, -1));
            case "metadata.example" -> List.of(InetAddress.getByAddress(new byte[] {(byte) 169, (byte) 254, (byte) 169, (byte) 254}));
            case "cgnat.example" -> List.of(InetAddress.getByAddress(new byte[] {100, 100, 0, 1}));
            case "ula.example" -> List.of(InetAddress.getByName("fd12:3456::1"));
            default -> throw new UnknownHostException(host);
        };
    }

    static Stream<String> bypassAttempts() {
        int p = target.port();
        return Stream.of(
                "http://127.0.0.1:" + p + "/",
                "http://2130706433:" + p + "/",
                "http://0177.0.0.1:" + p + "/",
                "http://0x7f.0.0.1:" + p + "/",
                "http://0x7f000001:" + p + "/",
                "http://017700000001:" + p + "/",
                "http://127.1:" + p + "/",
                "http://127.0.1:" + p + "/",
                "http://127.000.000.001:" + p + "/",
                "http://0x7f.1:" + p + "/",
                "http://[::ffff:127.0.0.1]:" + p + "/",
                "http://[::ffff:7f00:1]:" + p + "/",
                "http://[::127.0.0.1]:" + p + "/",
                "http://[::1]:" + p + "/",
                "http://[0:0:0:0:0:0:0:1]:" + p + "/",
                "http://[::]:" + p + "/",
                "http://0.0.0.0:" + p + "/",
                "http://0:" + p + "/",
                "http://100.64.0.1:" + p + "/",
                "http://169.254.169.254:" + p + "/latest/meta-data/",
                "http://[::ffff:a9fe:a9fe]:" + p + "/",
                "http://[fd00::1]:" + p + "/",
                "http://[fd00:ec2::254]:" + p + "/",
                "http://[64:ff9b::7f00:1]:" + p + "/",
                "http://[2002:7f00:1::1]:" + p + "/",
                "http://[fe80::1]:" + p + "/",
                "http://[fe80::1%25eth0]:" + p + "/",
                "http://[ff02::1]:" + p + "/",
                "http://10.0.0.1:" + p + "/",
                "http://172.16.0.1:" + p + "/",
                "http://192.168.1.1:" + p + "/",
                "http://224.0.0.1:" + p + "/",
                "http://255.255.255.255:" + p + "/",
                "http://localhost:" + p + "/",
                "http://LOCALHOST:" + p + "/",
                "http://localhost.:" + p + "/",
                "http://shop.localhost:" + p + "/",
                "http://printer.local:" + p + "/",
                "http://metadata.google.internal:" + p + "/computeMetadata/v1/",
                "http://db.internal:" + p + "/",
                "http://auth-service:" + p + "/",
                "http://auth.crow.example:" + p + "/",
                "http://rebind.example:" + p + "/",
                "http://intranet.example:" + p + "/",
                "http://mixed.example:" + p + "/",
                "http://v6loop.example:" + p + "/",
                "http://mapped.example:" + p + "/",
                "http://metadata.example:" + p + "/",
                "http://cgnat.example:" + p + "/",
                "http://ula.example:" + p + "/",
                "http://example.com@127.0.0.1:" + p + "/",
                "http://user:pass@127.0.0.1:" + p + "/",
                "http://127.0.0.1:" + p + "#@example.com",
                "http://example.com\\@127.0.0.1:" + p + "/",
                "http:\\\\127.0.0.1:" + p + "\\",
                "http://127.0.0.1:" + p + "\\@example.com/",
                "HTTP://127.0.0.1:" + p + "/",
                "hTtP://2130706433:" + p + "/",
                "http://%31%32%37.0.0.1:" + p + "/",
                "http://\uff11\uff12\uff17.0.0.1:" + p + "/",
                "http://127.0.0.1:" + p + "/%0d%0aHost:%20evil",
                "file:///etc/passwd",
                "gopher://127.0.0.1:" + p + "/_GET%20/",
                "ftp://127.0.0.1:" + p + "/",
                "dict://127.0.0.1:" + p + "/info",
                "jar:http://127.0.0.1:" + p + "/x.jar!/",
                "//127.0.0.1:" + p + "/",
                "http://[::1]:" + p + "/".replace("[::1]", "[0::1]"),
                " http://127.0.0.1:" + p + "/ ");
    }

    @ParameterizedTest
    @MethodSource("bypassAttempts")
    void rejectsBypassAttemptWithoutConnecting(String url) {
        int before = target.connections();
        assertThatThrownBy(() -> fetcher.get(url, FetchOptions.of(1024, "*/*")))
                .isInstanceOf(FetchException.class);
        assertThat(target.connections()).isEqualTo(before).isZero();
    }

    @Test
    void neverReachesACrowServiceEvenThroughThePrivateNetworkOptIn() throws FetchException {
        TargetUrl service = TargetUrl.parse(SERVICE.url("/internal/events"));
        assertThatThrownBy(() -> fetcher.get(service, FetchOptions.of(1024, "*/*").withPrivateOrigin(service.origin())))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BLOCKED_TARGET));
        assertThat(SERVICE.connections()).isZero();
    }

    @Test
    void bypassListIsLongEnough() {
        assertThat(bypassAttempts().count()).isGreaterThanOrEqualTo(30);
    }

    @Test
    void reachesThePrivateOriginOnlyThroughTheOptInForThatOrigin() throws FetchException {
        try (FixtureServer shop = FixtureServer.start()) {
            shop.route("/", Reply.html("<h1>shop</h1>"));
            SafeHttpFetcher local = fetcher(Set.of(80, 443), Duration.ofSeconds(5));
            TargetUrl url = TargetUrl.parse(shop.url("/"));

            assertThatThrownBy(() -> local.get(url, FetchOptions.of(1024, "*/*")))
                    .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.reason()).isIn(Reason.INVALID_URL, Reason.BLOCKED_TARGET));
            assertThat(shop.connections()).isZero();

            FetchedResponse response = local.get(url, FetchOptions.of(1024, "*/*").withPrivateOrigin(url.origin()));
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.text()).contains("shop");
            assertThat(shop.connections()).isEqualTo(1);
            assertThat(shop.requests().get(0).headers()).containsEntry("host", "127.0.0.1:" + shop.port());
        }
    }

    static Stream<String> privateRedirectTargets() {
        int p = target.port();
        return Stream.of(
                "http://127.0.0.1:" + p + "/",
                "http://[::1]:" + p + "/",
                "http://2130706433:" + p + "/",
                "http://[::ffff:127.0.0.1]:" + p + "/",
                "http://rebind.example:" + p + "/",
                "http://169.254.169.254/latest/meta-data/",
                "http://localhost:" + p + "/",
                "gopher://127.0.0.1:" + p + "/");
    }

    @ParameterizedTest
    @MethodSource("privateRedirectTargets")
    void rechecksEveryRedirectHop(String location) {
        try (FixtureServer shop = FixtureServer.start()) {
            shop.route("/start", Reply.redirect(302, "/hop"));
            shop.route("/hop", Reply.redirect(302, location));
            TargetUrl start = TargetUrl.parse(shop.url("/start"));
            int before = target.connections();

            assertThatThrownBy(() -> fetcher.get(start, FetchOptions.of(1024, "*/*").withPrivateOrigin(start.origin())))
                    .isInstanceOf(FetchException.class);
            assertThat(shop.connections()).isEqualTo(2);
            assertThat(target.connections()).isEqualTo(before).isZero();
        } catch (FetchException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void stopsAfterFiveRedirects() throws FetchException {
        try (FixtureServer shop = FixtureServer.start()) {
            for (int i = 0; i < 10; i++) {
                shop.route("/r" + i, Reply.redirect(301, "/r" + (i + 1)));
            }
            TargetUrl start = TargetUrl.parse(shop.url("/r0"));
            assertThatThrownBy(() -> fetcher.get(start, FetchOptions.of(1024, "*/*").withPrivateOrigin(start.origin())))
                    .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_REDIRECTS));
            assertThat(shop.connections()).isEqualTo(6);
        }
    }

    @Test
    void followsRedirectsWithinTheSite() throws FetchException {
        try (FixtureServer shop = FixtureServer.start()) {
            shop.route("/old", Reply.redirect(301, "/new?x=1"));
            shop.route("/new", Reply.html("moved here"));
            TargetUrl start = TargetUrl.parse(shop.url("/old"));
            FetchedResponse response = fetcher.get(start, FetchOptions.of(1024, "*/*").withPrivateOrigin(start.origin()));
            assertThat(response.text()).isEqualTo("moved here");
            assertThat(response.url().pathAndQuery()).isEqualTo("/new?x=1");
        }
    }

    @Test
    void refusesBodiesOverTheLimit() throws FetchException {
        try (FixtureServer shop = FixtureServer.start()) {
            shop.route("/big", Reply.of(200, "text/html", new byte[10_000]));
            TargetUrl url = TargetUrl.parse(shop.url("/big"));
            assertThatThrownBy(() -> fetcher.get(url, FetchOptions.of(1_000, "*/*").withPrivateOrigin(url.origin())))
                    .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
        }
    }

    @Test
    void refusesCompressedBodiesThatExpandOverTheLimit() throws Exception {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(new byte[2_000_000]);
        }
        assertThat(compressed.size()).isLessThan(10_000);
        try (FixtureServer shop = FixtureServer.start()) {
            shop.route("/bomb", Reply.withHeaders(200, Map.of("Content-Type", "text/html", "Content-Encoding", "gzip"),
                    compressed.toByteArray()));
            TargetUrl url = TargetUrl.parse(shop.url("/bomb"));
            assertThatThrownBy(() -> fetcher.get(url, FetchOptions.of(100_000, "*/*").withPrivateOrigin(url.origin())))
                    .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
        }
    }

    @Test
    void decodesChunkedAndGzippedBodies() throws Exception {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write("<html>hello gzip</html>".getBytes(StandardCharsets.UTF_8));
        }
        byte[] gz = compressed.toByteArray();
        ByteArrayOutputStream chunked = new ByteArrayOutputStream();
        chunked.writeBytes((Integer.toHexString(5) + "\r\n").getBytes());
        chunked.write(gz, 0, 5);
        chunked.writeBytes("\r\n".getBytes());
        chunked.writeBytes((Integer.toHexString(gz.length - 5) + ";ext=1\r\n").getBytes());
        chunked.write(gz, 5, gz.length - 5);
        chunked.writeBytes("\r\n0\r\n\r\n".getBytes());
        try (FixtureServer shop = FixtureServer.start()) {
            shop.route("/", Reply.withHeaders(200, Map.of("Content-Type", "text/html", "Content-Encoding", "gzip",
                    "Transfer-Encoding", "chunked"), chunked.toByteArray()));
            TargetUrl url = TargetUrl.parse(shop.url("/"));
            FetchedResponse response = fetcher.get(url, FetchOptions.of(10_000, "*/*").withPrivateOrigin(url.origin()));
            assertThat(response.text()).isEqualTo("<html>hello gzip</html>");
        }
    }

    @Test
    void givesUpAtTheDeadlineWhenTheServerNeverAnswers() throws FetchException {
        SafeHttpFetcher impatient = fetcher(Set.of(80, 443), Duration.ofMillis(600));
        try (FixtureServer shop = FixtureServer.start()) {
            shop.route("/slow", Reply.hanging());
            TargetUrl url = TargetUrl.parse(shop.url("/slow"));
            long start = System.nanoTime();
            assertThatThrownBy(() -> impatient.get(url, FetchOptions.of(1024, "*/*").withPrivateOrigin(url.origin())))
                    .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void acceptsPublicUrlsAndKeepsWhatWasParsed() throws FetchException {
        TargetUrl url = TargetUrl.parse("HTTPS://Shop.Example.com/p/1?color=red#reviews");
        assertThat(url.scheme()).isEqualTo("https");
        assertThat(url.host()).isEqualTo("shop.example.com");
        assertThat(url.port()).isEqualTo(443);
        assertThat(url.toString()).isEqualTo("https://shop.example.com/p/1?color=red");
        assertThat(TargetUrl.parse("http://93.184.216.34/").literal()).isNotNull();
        assertThat(Addresses.blockedReason(TargetUrl.parse("http://93.184.216.34/").literal())).isEmpty();
        assertThat(Addresses.blockedReason(TargetUrl.parse("http://[2606:4700::1111]/").literal())).isEmpty();
    }
}
