package dev.crow.gateway.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An address or CIDR block ({@code 10.0.0.0/8}, {@code 2001:db8::/32}) from {@code crow.gateway.trusted-proxies}.
 * Only literals are accepted, so parsing never performs a DNS lookup.
 */
record IpRange(byte[] network, int prefixBits) {

    static IpRange parse(String text) {
        String value = text.trim();
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        InetAddress parsed = literal(address);
        if (parsed == null) {
            throw new IllegalStateException("crow.gateway.trusted-proxies: not an IP address or CIDR: " + text);
        }
        byte[] bytes = parsed.getAddress();
        int bits = slash < 0 ? bytes.length * 8 : Integer.parseInt(value.substring(slash + 1));
        if (bits < 0 || bits > bytes.length * 8) {
            throw new IllegalStateException("crow.gateway.trusted-proxies: bad prefix length in " + text);
        }
        return new IpRange(bytes, bits);
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int fullBytes = prefixBits / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixBits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest);
        return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    /**
     * Parses a dotted-quad IPv4 or an IPv6 literal (optionally in brackets); anything else, including
     * host names and the legacy forms {@code 127.1} or {@code 2130706433}, is rejected.
     */
    static InetAddress literal(String text) {
        String value = text.trim();
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.isEmpty() || value.length() > 45) {
            return null;
        }
        boolean ipv6 = value.indexOf(':') >= 0;
        int dots = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '.') {
                dots++;
            }
            boolean allowed = (c >= '0' && c <= '9') || c == '.'
                    || (ipv6 && (c == ':' || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
            if (!allowed) {
                return null;
            }
        }
        if (!ipv6 && dots != 3) {
            return null;
        }
        try {
            return InetAddress.getByName(value);
        }
        catch (UnknownHostException notAnAddress) {
            return null;
        }
    }
}
