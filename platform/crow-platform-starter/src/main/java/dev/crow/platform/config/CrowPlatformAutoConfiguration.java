package dev.crow.platform.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Binds {@link CrowPlatformProperties}; the other platform auto-configurations build on it. */
@AutoConfiguration
@EnableConfigurationProperties(CrowPlatformProperties.class)
public class CrowPlatformAutoConfiguration {
}
