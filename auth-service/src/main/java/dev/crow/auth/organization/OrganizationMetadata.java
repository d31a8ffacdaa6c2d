package dev.crow.auth.organization;

import dev.crow.platform.error.CrowException;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Better Auth's free-form organization metadata: a JSON object of at most 4 KB, stored as text. */
@Component
class OrganizationMetadata {

    static final int MAX_LENGTH = 4096;
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final JsonMapper json;

    OrganizationMetadata(JsonMapper json) {
        this.json = json;
    }

    String encode(Map<String, Object> metadata) {
        if (metadata == null) {
            return null;
        }
        String text = json.writeValueAsString(metadata);
        if (text.length() > MAX_LENGTH) {
            throw CrowException.invalid("metadata");
        }
        return text;
    }

    Map<String, Object> decode(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, OBJECT);
        } catch (JacksonException e) {
            return null;
        }
    }
}
