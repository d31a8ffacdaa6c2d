package dev.crow.gateway.auth;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import dev.crow.gateway.GatewayProperties;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Derives the client's IP address, used for per-address rate limits and forwarded to services.
 * <p>
 * With no {@code crow.gateway.trusted-proxies} (the default) it is the TCP peer, and any
 * {@code X-Forwarded-For} a client sends is ignored. Behind a load balancer, list its addresses or
 * CIDR blocks: when the peer is one of them, {@code X-Forwarded-For} is read from the right, skipping
 * trusted hops, and the first address that is not trusted is the client. Left of that, entries are
 * the client's own claims and are never believed. An entry that is not an IP literal ends the walk at
 * the last trusted hop.
 */
@Component
public class ClientAddresses {

    private static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private final List<IpRange> trustedProxies;

    public ClientAddresses(GatewayProperties properties) {
        this.trustedProxies = properties.trustedProxies().stream().map(IpRange::parse).toList();
    }

    public String clientIp(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null || remote.getAddress() == null) {
            return "unknown";
        }
        InetAddress peer = remote.getAddress();
        if (trustedProxies.isEmpty() || !isTrusted(peer)) {
            return peer.getHostAddress();
        }
        List<String> forwarded = request.getHeaders().get(X_FORWARDED_FOR);
        return forwardedClient(peer, forwarded).getHostAddress();
    }

    /** True when the request came through a configured proxy, whose forwarded headers may be believed. */
    public boolean isFromTrustedProxy(ServerHttpRequest request) {
        if (trustedProxies.isEmpty()) {
            return false;
        }
        InetSocketAddress remote = request.getRemoteAddress();
        return remote != null && remote.getAddress() != null && isTrusted(remote.getAddress());
    }

    InetAddress forwardedClient(InetAddress peer, List<String> forwardedHeaders) {
        if (forwardedHeaders == null || forwardedHeaders.isEmpty()) {
            return peer;
        }
        InetAddress current = peer;
        // Several X-Forwarded-For headers form one list, in order.
        for (int h = forwardedHeaders.size() - 1; h >= 0; h--) {
            String[] hops = forwardedHeaders.get(h).split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                InetAddress hop = IpRange.literal(hops[i]);
                if (hop == null) {
                    return current;
                }
                if (!isTrusted(hop)) {
                    return hop;
                }
                current = hop;
            }
        }
        return current;
    }

    private boolean isTrusted(InetAddress address) {
        for (IpRange range : trustedProxies) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
