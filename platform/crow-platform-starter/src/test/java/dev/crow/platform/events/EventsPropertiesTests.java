package dev.crow.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class EventsPropertiesTests {

    @Test
    void subscribersAreKeyedByDottedEventTypes() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "crow.platform.events.subscribers.organization.created", "users,organizations",
                "crow.platform.events.subscribers.organization.tier_changed", "organizations")));
        EventsProperties properties = binder.bindOrCreate("crow.platform.events", EventsProperties.class);

        assertThat(properties.subscribersOf("organization.created")).containsExactly("users", "organizations");
        assertThat(properties.subscribersOf("organization.tier_changed")).containsExactly("organizations");
        assertThat(properties.subscribersOf("member.added")).isEmpty();
        assertThat(properties.delivery().maxAttempts()).isEqualTo(300);
    }
}
