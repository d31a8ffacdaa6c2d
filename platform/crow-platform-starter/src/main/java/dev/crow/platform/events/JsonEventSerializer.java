package dev.crow.platform.events;

import org.springframework.modulith.events.core.EventSerializer;
import tools.jackson.databind.json.JsonMapper;

/** Stores publications as JSON with the service's Jackson 3 mapper (Modulith's own serializer is Jackson 2). */
class JsonEventSerializer implements EventSerializer {

    private final JsonMapper json;

    JsonEventSerializer(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Object serialize(Object event) {
        return json.writeValueAsString(event);
    }

    @Override
    public <T> T deserialize(Object serialized, Class<T> type) {
        return json.readValue(serialized.toString(), type);
    }
}
