package dev.crow.gateway.observability;

import java.net.InetSocketAddress;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Recognizes requests to the management server (actuator, Prometheus). Its child context inherits the
 * gateway's web filters, which must leave those requests alone: the management port is not routed,
 * authenticated or rate-limited.
 */
@Component
public class ManagementPort implements ApplicationListener<WebServerInitializedEvent> {

    private volatile int port = -1;

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if ("management".equals(event.getApplicationContext().getServerNamespace())) {
            port = event.getWebServer().getPort();
        }
    }

    public boolean owns(ServerWebExchange exchange) {
        int managementPort = port;
        if (managementPort < 0) {
            return false;
        }
        InetSocketAddress local = exchange.getRequest().getLocalAddress();
        return local != null && local.getPort() == managementPort;
    }
}
