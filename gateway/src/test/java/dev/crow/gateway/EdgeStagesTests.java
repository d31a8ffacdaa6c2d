package dev.crow.gateway;

import java.util.ArrayList;
import java.util.List;

import dev.crow.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

class EdgeStagesTests extends GatewayTestSupport {

    @Autowired
    private List<WebFilter> webFilters;

    @Test
    void theGatewayRunsItsStagesInsideOneWebFluxFilterInOrder() {
        List<WebFilter> own = webFilters.stream().filter(filter -> filter.getClass().getPackageName()
                .startsWith("dev.crow")).toList();

        assertThat(own).hasSize(1).first().isInstanceOf(EdgeStages.class);
        assertThat(((EdgeStages) own.get(0)).stages()).extracting(stage -> stage.getClass().getSimpleName())
                .containsExactly("ObservabilityFilter", "CorsFilter", "EdgeFilter");
    }

    @Test
    void stagesRunByOrderAndAStageThatAnswersEndsTheChain() {
        List<String> ran = new ArrayList<>();
        EdgeStages stages = new EdgeStages(List.of(
                stage("third", 30, ran, false), stage("first", 10, ran, false), stage("second", 20, ran, true)));
        WebFilterChain rest = exchange -> {
            ran.add("routing");
            return Mono.empty();
        };

        stages.filter(MockServerWebExchange.from(MockServerHttpRequest.get("/x")), rest).block();
        assertThat(ran).containsExactly("first", "second");

        ran.clear();
        new EdgeStages(List.of(stage("b", 2, ran, false), stage("a", 1, ran, false)))
                .filter(MockServerWebExchange.from(MockServerHttpRequest.get("/x")), rest).block();
        assertThat(ran).containsExactly("a", "b", "routing");
    }

    private static EdgeStage stage(String name, int order, List<String> ran, boolean answers) {
        return new EdgeStage() {
            @Override
            public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain next) {
                ran.add(name);
                return answers ? Mono.empty() : next.filter(exchange);
            }

            @Override
            public int getOrder() {
                return order;
            }
        };
    }
}
