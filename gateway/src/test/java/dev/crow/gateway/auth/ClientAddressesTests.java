package dev.crow.gateway.auth;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

import dev.crow.gateway.GatewayProperties;
import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientAddressesTests {

    @Test
    void withoutTrustedProxiesTheTcpPeerIsTheClient() {
        ClientAddresses addresses = addresses(List.of());

        String ip = addresses.clientIp(request("203.0.113.7", "198.51.100.1"));

        assertThat(ip).isEqualTo("203.0.113.7");
    }

    @Test
    void behindATrustedLoadBalancerTheRightmostUntrustedHopIsTheClient() {
        ClientAddresses addresses = addresses(List.of("10.0.0.0/8"));

        assertThat(addresses.clientIp(request("10.0.0.5", "198.51.100.1"))).isEqualTo("198.51.100.1");
        assertThat(addresses.clientIp(request("10.0.0.5", "6.6.6.6, 198.51.100.1"))).as("left entries are claims")
                .isEqualTo("198.51.100.1");
        assertThat(addresses.clientIp(request("10.0.0.5", "198.51.100.1, 10.1.2.3"))).as("skips trusted hops")
                .isEqualTo("198.51.100.1");
        assertThat(addresses.clientIp(request("10.0.0.5", "198.51.100.1", "10.1.2.3"))).as("several headers")
                .isEqualTo("198.51.100.1");
    }

    @Test
    void anUntrustedPeerCannotClaimAnotherAddress() {
        ClientAddresses addresses = addresses(List.of("10.0.0.0/8"));

        assertThat(addresses.clientIp(request("203.0.113.7", "198.51.100.1"))).isEqualTo("203.0.113.7");
        assertThat(addresses.isFromTrustedProxy(request("203.0.113.7"))).isFalse();
        assertThat(addresses.isFromTrustedProxy(request("10.9.9.9"))).isTrue();
    }

    @Test
    void garbageInForwardedForEndsTheWalkAtTheLastTrustedHop() {
        ClientAddresses addresses = addresses(List.of("10.0.0.0/8"));

        assertThat(addresses.clientIp(request("10.0.0.5", "evil.example.com"))).isEqualTo("10.0.0.5");
        assertThat(addresses.clientIp(request("10.0.0.5", "2130706433"))).isEqualTo("10.0.0.5");
        assertThat(addresses.clientIp(request("10.0.0.5", "198.51.100.1, unknown, 10.0.0.9"))).isEqualTo("10.0.0.9");
        assertThat(addresses.clientIp(request("10.0.0.5"))).isEqualTo("10.0.0.5");
    }

    @Test
    void ipv6RangesAndAddressesWork() {
        ClientAddresses addresses = addresses(List.of("fd00::/8", "192.0.2.10"));

        assertThat(addresses.clientIp(request("fd00::1", "2001:db8::42"))).isEqualTo("2001:db8:0:0:0:0:0:42");
        assertThat(addresses.clientIp(request("192.0.2.10", "[2001:db8::7]"))).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(addresses.clientIp(request("192.0.2.11", "2001:db8::7"))).isEqualTo("192.0.2.11");
    }

    @Test
    void trustedProxiesMustBeAddressLiterals() {
        assertThatThrownBy(() -> addresses(List.of("lb.internal"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("trusted-proxies");
        assertThatThrownBy(() -> addresses(List.of("10.0.0.0/33"))).isInstanceOf(IllegalStateException.class);
    }

    private static ClientAddresses addresses(List<String> trusted) {
        return new ClientAddresses(new GatewayProperties(Map.of(), "key", null, 0, null, null, trusted, null, null,
                null));
    }

    private static MockServerHttpRequest request(String peer, String... forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> builder = MockServerHttpRequest.get("/api/v1/products/p1")
                .remoteAddress(new InetSocketAddress(literal(peer), 40000));
        for (String header : forwardedFor) {
            builder.header("X-Forwarded-For", header);
        }
        return builder.build();
    }

    private static InetAddress literal(String address) {
        return IpRange.literal(address);
    }
}
