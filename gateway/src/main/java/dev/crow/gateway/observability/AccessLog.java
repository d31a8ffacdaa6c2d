package dev.crow.gateway.observability;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request on the {@code crow.access} logger. It carries ids, the path without its query
 * string, and never a header value: credentials cannot reach it. Tokens that Better Auth puts in a
 * path ({@code /reset-password/<token>}) are masked.
 */
final class AccessLog {

    private static final Logger log = LoggerFactory.getLogger("crow.access");
    private static final String[] TOKEN_PATH_PREFIXES = {"/api/v1/auth/reset-password/", "/api/v1/auth/verify-email/"};
    private static final int MAX_PATH = 512;

    boolean enabled() {
        return log.isInfoEnabled();
    }

    void write(RequestContext context, String route, String method, String path, int status, long nanos,
            boolean cancelled) {
        StringBuilder line = new StringBuilder(160);
        line.append("rid=").append(context.requestId())
                .append(" principal=").append(context.principalKind().wireName())
                .append(" route=").append(route)
                .append(" method=").append(method)
                .append(" path=");
        appendSafePath(line, path);
        line.append(" status=").append(status);
        if (cancelled) {
            line.append(" cancelled=true");
        }
        long tenthsOfMillis = nanos / 100_000;
        line.append(" ms=").append(tenthsOfMillis / 10).append('.').append(tenthsOfMillis % 10);
        if (context.clientIp() != null) {
            line.append(" ip=").append(context.clientIp());
        }
        log.info(line.toString());
    }

    static void appendSafePath(StringBuilder line, String path) {
        for (String prefix : TOKEN_PATH_PREFIXES) {
            if (path.startsWith(prefix) && path.length() > prefix.length()) {
                line.append(prefix).append("***");
                return;
            }
        }
        if (path.length() > MAX_PATH) {
            line.append(path, 0, MAX_PATH).append("...");
        }
        else {
            line.append(path);
        }
    }
}
