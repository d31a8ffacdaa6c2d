package dev.crow.auth.recovery;

import dev.crow.auth.AuthProperties;
import dev.crow.auth.origin.TrustedOrigins;
import dev.crow.platform.error.CrowException;
import dev.crow.platform.error.ErrorKind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * Links in account messages point at our public base URL; where they finally send the
 * browser (Better Auth's redirectTo / callbackURL) must be a trusted origin or a relative
 * path, never an arbitrary site that would receive the token.
 */
@Component
class RecoveryLinks {

    private static final String AUTH_PATH = "/api/v1/auth";

    private final String base;
    private final TrustedOrigins trustedOrigins;

    RecoveryLinks(AuthProperties properties, TrustedOrigins trustedOrigins) {
        String url = properties.baseUrl().toString();
        this.base = (url.endsWith("/") ? url.substring(0, url.length() - 1) : url) + AUTH_PATH;
        this.trustedOrigins = trustedOrigins;
    }

    /** 403 {@code code} unless the redirect is absent, relative or on a trusted origin. */
    String requireSafe(String redirect, String code) {
        if (redirect == null || redirect.isBlank()) {
            return null;
        }
        if (!trustedOrigins.isSafeRedirect(redirect)) {
            throw new CrowException(ErrorKind.FORBIDDEN, code, "Invalid " + (code.contains("CALLBACK") ? "callbackURL" : "redirectURL"));
        }
        return redirect;
    }

    String passwordReset(String token, String redirectTo) {
        return base + "/reset-password/" + token + "?callbackURL=" + encode(redirectTo == null ? "/" : redirectTo);
    }

    String emailVerification(String token, String callbackUrl) {
        return base + "/verify-email?token=" + token + (callbackUrl == null ? "" : "&callbackURL=" + encode(callbackUrl));
    }

    /** {@code target} with one more query parameter. */
    static String withParameter(String target, String name, String value) {
        return target + (target.contains("?") ? "&" : "?") + name + "=" + encode(value);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
