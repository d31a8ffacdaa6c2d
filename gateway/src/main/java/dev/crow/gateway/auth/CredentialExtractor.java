package dev.crow.gateway.auth;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Finds the credential of a request (DESIGN.md §2): an API key in {@code X-API-Key}, {@code ApiKey}
 * or {@code Authorization: Bearer crow_…}; a session token in {@code Authorization: Bearer …}; or the
 * Better Auth session cookie ({@code __Secure-} name first). The first one found wins.
 */
@Component
public class CredentialExtractor {

    public static final String API_KEY_HEADER = "X-API-Key";
    public static final String API_KEY_ALT_HEADER = "ApiKey";
    static final String API_KEY_PREFIX = "crow_";
    static final String SECURE_SESSION_COOKIE = "__Secure-better-auth.session_token";
    static final String SESSION_COOKIE = "better-auth.session_token";
    private static final int MAX_CREDENTIAL_LENGTH = 4096;

    public Credential extract(HttpHeaders headers) {
        String apiKey = headers.getFirst(API_KEY_HEADER);
        if (apiKey == null) {
            apiKey = headers.getFirst(API_KEY_ALT_HEADER);
        }
        if (apiKey != null) {
            return credential(CredentialType.API_KEY, apiKey.trim());
        }
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.length() > 7
                && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).trim();
            return credential(token.startsWith(API_KEY_PREFIX) ? CredentialType.API_KEY : CredentialType.BEARER,
                    token);
        }
        String cookieHeader = headers.getFirst(HttpHeaders.COOKIE);
        if (cookieHeader != null) {
            String session = cookieValue(cookieHeader, SECURE_SESSION_COOKIE);
            if (session == null) {
                session = cookieValue(cookieHeader, SESSION_COOKIE);
            }
            if (session != null) {
                return credential(CredentialType.COOKIE, session);
            }
        }
        return null;
    }

    private static Credential credential(CredentialType type, String value) {
        if (value.isEmpty() || value.length() > MAX_CREDENTIAL_LENGTH) {
            // Present but unusable: still a credential, so the caller gets 401 rather than anonymous treatment.
            return new Credential(type, "");
        }
        return new Credential(type, value);
    }

    /** The value of cookie {@code name} in a {@code Cookie} header, without parsing the other cookies. */
    static String cookieValue(String header, String name) {
        int from = 0;
        while (from < header.length()) {
            int at = header.indexOf(name, from);
            if (at < 0) {
                return null;
            }
            int valueStart = at + name.length();
            boolean startsPair = at == 0 || header.charAt(at - 1) == ' ' || header.charAt(at - 1) == ';';
            if (startsPair && valueStart < header.length() && header.charAt(valueStart) == '=') {
                int end = header.indexOf(';', valueStart + 1);
                String value = (end < 0 ? header.substring(valueStart + 1) : header.substring(valueStart + 1, end))
                        .trim();
                if (value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"') {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() ? null : value;
            }
            from = valueStart;
        }
        return null;
    }
}
