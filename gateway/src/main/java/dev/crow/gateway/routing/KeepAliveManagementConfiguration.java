package dev.crow.gateway.routing;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * The management port's server belongs to a child context whose server factory does not take the
 * main context's server customizers; the keep-alive fix is added to it here. (Component scanning also
 * brings this into the main context, where adding the fix a second time changes nothing.)
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
class KeepAliveManagementConfiguration {

    @Bean
    WebServerFactoryCustomizer<NettyReactiveWebServerFactory> managementKeepAliveReadFix() {
        return factory -> factory.addServerCustomizers(new KeepAliveReadFix());
    }
}
