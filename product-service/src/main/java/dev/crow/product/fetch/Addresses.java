package dev.crow.product.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which IP addresses the crawler must never connect to. The ranges are checked explicitly on the
 * raw bytes because {@code InetAddress.is*()} misses CGNAT, ULA, NAT64, 6to4, IPv4-compatible
 * IPv6 and more.
 */
final class Addresses {

    private Addresses() {
    }

    /** Builds an address without any lookup, keeping IPv4-mapped IPv6 as IPv6. */
    static InetAddress of(byte[] bytes) {
        try {
            return bytes.length == 16 ? Inet6Address.getByAddress(null, bytes, -1) : InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("invalid address length", e);
        }
    }

    /** Cloud metadata endpoints: blocked even for an origin the private-network opt-in exempts. */
    static boolean isMetadata(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return (b[0] & 0xff) == 169 && (b[1] & 0xff) == 254 && (b[2] & 0xff) == 169 && (b[3] & 0xff) == 254;
        }
        // fd00:ec2::254 (AWS IMDS over IPv6)
        byte[] imds6 = Ipv6Parser.parse("fd00:ec2::254");
        return java.util.Arrays.equals(b, imds6);
    }

    /** Why the address is off limits, or empty when it is a public unicast address. */
    static Optional<String> blockedReason(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return ipv4Reason(b, 0);
        }
        return ipv6Reason(b);
    }

    private static Optional<String> ipv4Reason(byte[] b, int o) {
        int a0 = b[o] & 0xff;
        int a1 = b[o + 1] & 0xff;
        int a2 = b[o + 2] & 0xff;
        int a3 = b[o + 3] & 0xff;
        if (a0 == 169 && a1 == 254 && a2 == 169 && a3 == 254) {
            return Optional.of("cloud metadata address");
        }
        if (a0 == 0) {
            return Optional.of("\"this network\" address (0.0.0.0/8)");
        }
        if (a0 == 127) {
            return Optional.of("loopback address");
        }
        if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
            return Optional.of("private address");
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            return Optional.of("carrier-grade NAT address (100.64.0.0/10)");
        }
        if (a0 == 169 && a1 == 254) {
            return Optional.of("link-local address");
        }
        if (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) {
            return Optional.of("IETF reserved or documentation address");
        }
        if (a0 == 192 && a1 == 88 && a2 == 99) {
            return Optional.of("6to4 relay anycast address");
        }
        if (a0 == 198 && (a1 == 18 || a1 == 19)) {
            return Optional.of("benchmarking address (198.18.0.0/15)");
        }
        if ((a0 == 198 && a1 == 51 && a2 == 100) || (a0 == 203 && a1 == 0 && a2 == 113)) {
            return Optional.of("documentation address");
        }
        if (a0 >= 224 && a0 <= 239) {
            return Optional.of("multicast address");
        }
        if (a0 >= 240) {
            return Optional.of(a0 == 255 && a1 == 255 && a2 == 255 && a3 == 255
                    ? "broadcast address" : "reserved address (240.0.0.0/4)");
        }
        return Optional.empty();
    }

    private static Optional<String> ipv6Reason(byte[] b) {
        int w0 = word(b, 0);
        int w1 = word(b, 1);
        boolean firstFiveZero = w0 == 0 && w1 == 0 && word(b, 2) == 0 && word(b, 3) == 0 && word(b, 4) == 0;
        if (firstFiveZero && word(b, 5) == 0xffff) {
            return Optional.of("IPv4-mapped IPv6 address");
        }
        if (firstFiveZero && word(b, 5) == 0) {
            boolean allZero = word(b, 6) == 0 && word(b, 7) == 0;
            boolean loopback = word(b, 6) == 0 && word(b, 7) == 1;
            if (allZero) {
                return Optional.of("unspecified address");
            }
            return Optional.of(loopback ? "loopback address" : "IPv4-compatible IPv6 address");
        }
        if (w0 == 0x0064 && w1 == 0xff9b) {
            return Optional.of("NAT64 address (64:ff9b::/96, 64:ff9b:1::/48)");
        }
        if (w0 == 0x0100 && w1 == 0 && word(b, 2) == 0 && word(b, 3) == 0) {
            return Optional.of("discard-only address (100::/64)");
        }
        if (w0 == 0x2001 && w1 == 0) {
            return Optional.of("Teredo address (2001::/32)");
        }
        if (w0 == 0x2001 && w1 == 0x0db8) {
            return Optional.of("documentation address");
        }
        if (w0 == 0x2002) {
            // 6to4 carries an IPv4 address in bits 16..47; block it when that address is blocked.
            Optional<String> embedded = ipv4Reason(b, 2);
            if (embedded.isPresent()) {
                return Optional.of("6to4 address of a " + embedded.get());
            }
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return Optional.of("unique local address (fc00::/7)");
        }
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) {
            return Optional.of("link-local address");
        }
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
            return Optional.of("site-local address");
        }
        if ((b[0] & 0xff) == 0xff) {
            return Optional.of("multicast address");
        }
        if ((b[0] & 0xe0) != 0x20) {
            return Optional.of("address outside global unicast space (2000::/3)");
        }
        return Optional.empty();
    }

    private static int word(byte[] b, int index) {
        return ((b[2 * index] & 0xff) << 8) | (b[2 * index + 1] & 0xff);
    }
}
