package dev.crow.platform.openapi;

import dev.crow.platform.config.CrowPlatformProperties;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Names each service's OpenAPI document ("CROW auth API", …) and declares the credentials the
 * gateway accepts, so the combined Swagger UI at the gateway reads as one product.
 */
@AutoConfiguration
public class PlatformOpenApiAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OpenAPI crowOpenApi(CrowPlatformProperties platform,
            @Value("${spring.application.name:${crow.platform.service-name}}") String application) {
        return new OpenAPI()
                .info(new Info()
                        .title("CROW " + platform.serviceName() + " API")
                        .description("The " + application + " of the CROW platform. Call it through the gateway "
                                + "with a session cookie or a crow_ API key; the gateway forwards an internal JWT.")
                        .version("v1")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-API-Key"))
                        .addSecuritySchemes("session", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("better-auth.session_token")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"))
                .addSecurityItem(new SecurityRequirement().addList("session"));
    }
}
