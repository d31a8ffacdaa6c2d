package dev.crow.product.fetch;

import dev.crow.product.fetch.FetchException.Reason;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A URL the fetcher is willing to request, parsed once and strictly. What is checked here is
 * exactly what is later connected to: there is no second parser that could read the same text
 * differently. Anything ambiguous (userinfo, backslashes, non-canonical numeric hosts such as
 * {@code 2130706433}, {@code 0177.0.0.1} or {@code 127.1}, IPv6 zone ids) is refused rather than
 * interpreted.
 *
 * @param host    lower-case host name or IP literal without brackets
 * @param literal the address when {@code host} is an IP literal, else {@code null}
 */
public record TargetUrl(String scheme, String host, int port, String pathAndQuery, InetAddress literal) {

    private static final int MAX_LENGTH = 2048;
    private static final Pattern CANONICAL_IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern NUMERIC_LABEL = Pattern.compile("0x[0-9a-f]*|\\d+");
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)(\\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*");
    private static final Pattern IPV6_TEXT = Pattern.compile("[0-9a-f:.]+");

    public static TargetUrl parse(String raw) throws FetchException {
        if (raw == null || raw.isBlank()) {
            throw invalid("empty URL");
        }
        String text = raw.strip();
        if (text.length() > MAX_LENGTH) {
            throw invalid("URL too long");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // Backslashes are read as slashes by browsers and some parsers but not by java.net.URI:
            // a classic way to make two parsers disagree about the host.
            if (c == '\\' || c <= 0x20 || c == 0x7f) {
                throw invalid("URL contains a backslash, whitespace or control character");
            }
        }
        URI uri;
        try {
            uri = new URI(encodeNonAscii(text));
        } catch (URISyntaxException e) {
            throw invalid("malformed URL");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw invalid("only http and https URLs can be fetched");
        }
        if (uri.isOpaque()) {
            throw invalid("malformed URL");
        }
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw invalid("URLs with credentials are not fetched");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw noHost(uri.getRawAuthority());
        }
        int port = uri.getPort() == -1 ? ("https".equals(scheme) ? 443 : 80) : uri.getPort();
        if (port < 1 || port > 65535) {
            throw invalid("invalid port");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String pathAndQuery = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        return fromParts(scheme, host.toLowerCase(Locale.ROOT), port, pathAndQuery);
    }

    private static TargetUrl fromParts(String scheme, String rawHost, int port, String pathAndQuery)
            throws FetchException {
        if (rawHost.startsWith("[")) {
            String inner = rawHost.substring(1, rawHost.length() - 1);
            if (!IPV6_TEXT.matcher(inner).matches()) {
                throw invalid("IPv6 zone ids and malformed IPv6 literals are not fetched");
            }
            return new TargetUrl(scheme, inner, port, pathAndQuery, ipv6Literal(inner));
        }
        String host = rawHost.endsWith(".") ? rawHost.substring(0, rawHost.length() - 1) : rawHost;
        String lastLabel = host.substring(host.lastIndexOf('.') + 1);
        if (NUMERIC_LABEL.matcher(lastLabel).matches()) {
            // WHATWG URL parsing (browsers, curl) reads any host ending in a numeric label as IPv4,
            // in decimal, octal or hex, with 1 to 4 parts. Only the canonical dotted quad is accepted.
            if (!CANONICAL_IPV4.matcher(host).matches()) {
                throw new FetchException(Reason.BLOCKED_TARGET, "non-canonical numeric host");
            }
            return new TargetUrl(scheme, host, port, pathAndQuery, ipv4Literal(host));
        }
        if (!HOST_NAME.matcher(host).matches()) {
            throw invalid("invalid host name");
        }
        return new TargetUrl(scheme, host, port, pathAndQuery, null);
    }

    /** Resolves a link or a Location header against this URL; the result is parsed as strictly. */
    public TargetUrl resolve(String reference) throws FetchException {
        if (reference == null || reference.isBlank()) {
            throw invalid("empty URL");
        }
        String ref = reference.strip();
        for (int i = 0; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c == '\\' || c < 0x20 || c == 0x7f) {
                throw invalid("URL contains a backslash or control character");
            }
        }
        try {
            URI base = new URI(toString());
            URI resolved = base.resolve(new URI(encodeNonAscii(ref.replace(" ", "%20"))));
            return parse(resolved.toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw invalid("malformed URL");
        }
    }

    public boolean isHttps() {
        return "https".equals(scheme);
    }

    public Origin origin() {
        return new Origin(scheme, host, port);
    }

    /** The Host header: the port is omitted when it is the scheme's default. */
    public String hostHeader() {
        boolean defaultPort = (isHttps() && port == 443) || (!isHttps() && port == 80);
        return defaultPort ? hostForAuthority(host) : hostForAuthority(host) + ":" + port;
    }

    /** The URL without fragment, used as the canonical form for deduplication. */
    @Override
    public String toString() {
        return scheme + "://" + hostHeader() + pathAndQuery;
    }

    static String hostForAuthority(String host) {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    private static InetAddress ipv4Literal(String host) {
        String[] parts = host.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i]);
        }
        return Addresses.of(bytes);
    }

    private static InetAddress ipv6Literal(String text) throws FetchException {
        byte[] bytes = Ipv6Parser.parse(text);
        if (bytes == null) {
            throw invalid("malformed IPv6 literal");
        }
        return Addresses.of(bytes);
    }

    private static String encodeNonAscii(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out.append(c);
                continue;
            }
            int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
            for (byte b : text.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
            i = end - 1;
        }
        return out.toString();
    }

    /** java.net.URI gives no host for {@code 127.1} or {@code 0x7f.1}: say what they are. */
    private static FetchException noHost(String authority) {
        if (authority != null) {
            String host = authority.replaceFirst(":\\d*$", "").toLowerCase(Locale.ROOT);
            String trimmed = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
            if (NUMERIC_LABEL.matcher(trimmed.substring(trimmed.lastIndexOf('.') + 1)).matches()) {
                return new FetchException(Reason.BLOCKED_TARGET, "non-canonical numeric host");
            }
        }
        return invalid("URL has no host");
    }

    private static FetchException invalid(String message) {
        return new FetchException(Reason.INVALID_URL, message);
    }
}
