package dev.crow.gateway.error;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorResponsesTests {

    @Test
    void bodyIsThePlatformErrorFormat() {
        JsonNode body = JsonMapper.builder().build()
                .readTree(ErrorResponses.body(ErrorCode.RATE_LIMIT_EXCEEDED, "Rate limit exceeded", "r-1"));

        assertThat(body.propertyNames()).containsExactly("error", "code", "message", "requestId");
        assertThat(body.path("error").asString()).isEqualTo("Rate limit exceeded");
        assertThat(body.path("code").asString()).isEqualTo("RATE_LIMIT_EXCEEDED");
        assertThat(body.path("message").asString()).isEqualTo("Rate limit exceeded");
        assertThat(body.path("requestId").asString()).isEqualTo("r-1");
    }

    @Test
    void textIsEscaped() {
        JsonNode body = JsonMapper.builder().build()
                .readTree(ErrorResponses.body(ErrorCode.VALIDATION_ERROR, "a \"quoted\"\n\\ \u0001", null));

        assertThat(body.path("error").asString()).isEqualTo("a \"quoted\"\n\\ \u0001");
        assertThat(body.path("requestId").isNull()).isTrue();
    }

    @Test
    void badGatewayUsesTheUpstreamCode() {
        assertThat(ErrorCode.BAD_GATEWAY.status().value()).isEqualTo(502);
        assertThat(ErrorCode.BAD_GATEWAY.wireName()).isEqualTo("UPSTREAM_UNAVAILABLE");
    }
}
