package dev.crow.platform.client;

import dev.crow.platform.config.CrowPlatformProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

/** Provides {@link InternalServices} to every service. */
@AutoConfiguration(after = RestClientAutoConfiguration.class)
public class InternalClientsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    InternalServices internalServices(CrowPlatformProperties platform, ObjectProvider<RestClient.Builder> builder) {
        return new InternalServices(platform, builder.getIfAvailable(RestClient::builder));
    }
}
