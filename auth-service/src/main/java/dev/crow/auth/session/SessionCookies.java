package dev.crow.auth.session;

import dev.crow.auth.AuthProperties;
import dev.crow.auth.Hashes;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Better Auth's signed session cookie. The value is
 * {@code urlencode(token + "." + base64(HMAC-SHA256(secret, token)))}; a value whose signature
 * does not verify is no session at all.
 */
@Component
public class SessionCookies {

    public static final String NAME = "better-auth.session_token";
    public static final String SECURE_NAME = "__Secure-" + NAME;

    private final SecretKeySpec key;
    private final boolean secure;
    private final long maxAgeSeconds;

    SessionCookies(AuthProperties properties) {
        this.key = new SecretKeySpec(properties.cookieSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.secure = properties.secureCookies();
        this.maxAgeSeconds = properties.sessionTtl().toSeconds();
    }

    /** {@code token.signature}, not yet URL-encoded: what {@code set-auth-token} carries. */
    public String sign(String token) {
        return token + "." + signature(token);
    }

    /** The raw token inside a signed value, if the signature is right (the value may still be URL-encoded). */
    public Optional<String> unsign(String signedValue) {
        if (signedValue == null) {
            return Optional.empty();
        }
        String value = signedValue.indexOf('%') >= 0 ? percentDecode(signedValue) : signedValue;
        int dot = value.lastIndexOf('.');
        if (dot <= 0 || dot == value.length() - 1) {
            return Optional.empty();
        }
        String token = value.substring(0, dot);
        if (!Hashes.constantTimeEquals(signature(token), value.substring(dot + 1))) {
            return Optional.empty();
        }
        return Optional.of(token);
    }

    public String cookieName() {
        return secure ? SECURE_NAME : NAME;
    }

    /** The session cookie's values in the request, newest name first. */
    List<String> read(HttpServletRequest request) {
        List<String> values = new ArrayList<>();
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return values;
        }
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(SECURE_NAME) || cookie.getName().equals(NAME)) {
                values.add(cookie.getValue());
            }
        }
        return values;
    }

    void write(HttpServletResponse response, String token) {
        response.addHeader("Set-Cookie", sessionCookieHeader(token));
    }

    void expire(HttpServletResponse response) {
        response.addHeader("Set-Cookie", expiredCookieHeader());
    }

    String sessionCookieHeader(String token) {
        return header(URLEncoder.encode(sign(token), StandardCharsets.UTF_8), maxAgeSeconds);
    }

    String expiredCookieHeader() {
        return header("", 0);
    }

    private String header(String value, long maxAge) {
        return cookieName() + "=" + value + "; Max-Age=" + maxAge + "; Path=/; HttpOnly; SameSite=Lax"
                + (secure ? "; Secure" : "");
    }

    private String signature(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getEncoder().encodeToString(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from the JVM", e);
        }
    }

    /** URL-decoding without the form rule that turns '+' into a space: base64 uses '+'. */
    private static String percentDecode(String value) {
        try {
            return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return value;
        }
    }
}
