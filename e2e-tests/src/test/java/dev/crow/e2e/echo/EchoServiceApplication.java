package dev.crow.e2e.echo;

import dev.crow.platform.security.CallerContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * A service built on the platform starter that answers with what it received: the headers the
 * gateway forwarded and the caller the starter verified from the internal JWT. It stands in the
 * cctv path family (no cctv-service exists yet), including the WebSocket route, for the
 * end-to-end suite.
 */
@SpringBootApplication
public class EchoServiceApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(EchoServiceApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", "echo"));
        application.run(args);
    }

    @RestController
    static class EchoController {

        private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();

        @RequestMapping("/api/v1/cctv/echo/**")
        Map<String, Object> echo(HttpServletRequest request, CallerContext caller) {
            Map<String, Object> headers = new LinkedHashMap<>();
            for (String name : Collections.list(request.getHeaderNames())) {
                headers.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("method", request.getMethod());
            answer.put("path", request.getRequestURI());
            answer.put("headers", headers);
            answer.put("caller", caller);
            return answer;
        }

        /** One event at once, the next a second later, then the end: a buffering proxy shows all three together. */
        @GetMapping("/api/v1/cctv/echo-stream")
        SseEmitter stream(CallerContext caller) throws IOException {
            SseEmitter emitter = new SseEmitter(10_000L);
            emitter.send(SseEmitter.event().name("first").data("organization " + caller.organizationId()));
            later.schedule(() -> {
                try {
                    emitter.send(SseEmitter.event().name("second").data("later"));
                    emitter.complete();
                } catch (IOException e) {
                    emitter.completeWithError(e);
                }
            }, 1500, TimeUnit.MILLISECONDS);
            return emitter;
        }
    }

    @Configuration
    @EnableWebSocket
    static class EchoSocket implements WebSocketConfigurer {

        @Override
        public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
            registry.addHandler(echoHandler(), "/api/v1/cctv/ws");
        }

        @Bean
        TextWebSocketHandler echoHandler() {
            return new TextWebSocketHandler() {
                @Override
                protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
                    CallerContext caller = (CallerContext) ((org.springframework.security.core.Authentication)
                            session.getPrincipal()).getPrincipal();
                    session.sendMessage(new TextMessage("echo:" + caller.organizationId() + ":" + message.getPayload()));
                }
            };
        }
    }
}
