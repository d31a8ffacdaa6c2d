package dev.crow.gateway.error;

/**
 * A refusal the gateway decided on itself (no credential, unknown path, auth-service down). It carries
 * no stack trace: these are expected outcomes, some of them at attack rates.
 */
public class GatewayException extends RuntimeException {

    private final ErrorCode code;

    public GatewayException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public GatewayException(ErrorCode code, String message, Throwable cause) {
        super(message, cause, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
