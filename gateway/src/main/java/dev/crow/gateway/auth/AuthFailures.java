package dev.crow.gateway.auth;

import dev.crow.gateway.error.ErrorCode;
import dev.crow.gateway.error.GatewayException;

/** The gateway's authentication refusals, with one message each so none tells a caller more than another. */
public final class AuthFailures {

    private static final GatewayException INVALID = new GatewayException(ErrorCode.UNAUTHORIZED,
            "Invalid or expired credentials");

    private static final GatewayException MISSING = new GatewayException(ErrorCode.UNAUTHORIZED,
            "Authentication required");

    private AuthFailures() {
    }

    public static GatewayException invalidCredential() {
        return INVALID;
    }

    public static GatewayException missingCredential() {
        return MISSING;
    }

    static GatewayException authServiceUnavailable(Throwable cause) {
        return new GatewayException(ErrorCode.UPSTREAM_UNAVAILABLE, "Authentication service unavailable", cause);
    }
}
