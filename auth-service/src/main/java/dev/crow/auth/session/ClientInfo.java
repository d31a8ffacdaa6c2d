package dev.crow.auth.session;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a request came from, recorded on the session for the user's own information. Behind
 * the gateway the client address arrives in {@code X-Real-IP} / {@code X-Forwarded-For}.
 */
record ClientInfo(String ipAddress, String userAgent) {

    static ClientInfo of(HttpServletRequest request) {
        String ip = request.getHeader("X-Real-IP");
        if (ip == null || ip.isBlank()) {
            String forwarded = request.getHeader("X-Forwarded-For");
            ip = forwarded == null || forwarded.isBlank() ? request.getRemoteAddr() : forwarded.split(",")[0];
        }
        return new ClientInfo(limit(ip == null ? null : ip.strip(), 64), limit(request.getHeader("User-Agent"), 512));
    }

    private static String limit(String value, int max) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return value.length() <= max ? value : value.substring(0, max);
    }
}
