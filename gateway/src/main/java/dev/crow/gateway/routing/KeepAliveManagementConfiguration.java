package dev.crow.gateway.routing;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * The management port's server belongs to a child context whose server factory does not take the
 * main context's server customizers; the keep-alive fix is added to it here. Component scanning also
 * brings this into the main context, whose factory already has the fix as a server customizer bean;
 * it is not added there a second time.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
class KeepAliveManagementConfiguration {

    @Bean
    WebServerFactoryCustomizer<NettyReactiveWebServerFactory> managementKeepAliveReadFix() {
        return factory -> {
            if (factory.getServerCustomizers().stream().noneMatch(KeepAliveReadFix.class::isInstance)) {
                factory.addServerCustomizers(new KeepAliveReadFix());
            }
        };
    }
}
