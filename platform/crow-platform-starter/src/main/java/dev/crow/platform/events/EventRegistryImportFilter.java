package dev.crow.platform.events;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Spring Modulith's event auto-configurations need a database and have no condition of their
 * own; a service without {@code spring.datasource.url} (mcp-service, the starter's own web tests)
 * would fail to start. This filter leaves them out there, and with them CROW events.
 */
public class EventRegistryImportFilter implements AutoConfigurationImportFilter, EnvironmentAware {

    private static final String MODULITH_EVENTS = "org.springframework.modulith.events.";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean database = environment != null
                && org.springframework.util.StringUtils.hasText(environment.getProperty("spring.datasource.url"));
        boolean[] matches = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < autoConfigurationClasses.length; i++) {
            String candidate = autoConfigurationClasses[i];
            matches[i] = database || candidate == null || !candidate.startsWith(MODULITH_EVENTS);
        }
        return matches;
    }
}
