package dev.crow.gateway.support;

import java.io.IOException;
import java.net.ServerSocket;

/** The clock, fake auth-service and echo backend, started once per test JVM and shared by all gateway contexts. */
public final class TestServers {

    /** The gateway's clock in every test context, and the fake auth-service's for JWT expiry times. */
    static {
        // The stand-in servers below are Reactor Netty servers too and start before any gateway context;
        // the gateway's keep-alive fix must be in place before the first of them, as in production.
        dev.crow.gateway.routing.KeepAliveReadFix.apply();
    }

    public static final MutableClock CLOCK = new MutableClock();
    public static final FakeAuthService AUTH = new FakeAuthService(CLOCK);
    public static final EchoBackend BACKEND = new EchoBackend();

    private TestServers() {
    }

    /** A loopback port nothing listens on (a service that is not running). */
    public static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
