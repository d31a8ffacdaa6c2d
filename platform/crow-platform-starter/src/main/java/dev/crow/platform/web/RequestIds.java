package dev.crow.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/** The request id of the current request, as logs and error bodies carry it. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {
    }

    /** The current request's id, or {@code null} outside a request. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }

    /** Keeps an incoming id that is safe to log; anything else is replaced by a fresh one. */
    static String acceptOrCreate(String incoming) {
        if (incoming != null && SAFE.matcher(incoming).matches()) {
            return incoming;
        }
        return UUID.randomUUID().toString();
    }
}
