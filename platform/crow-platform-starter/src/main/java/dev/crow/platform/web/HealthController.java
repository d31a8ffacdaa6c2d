package dev.crow.platform.web;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /health} says the process is up; {@code /ready} says it can serve, which for a
 * service with a database means a connection answers.
 */
@RestController
class HealthController {

    private final String service;
    private final ObjectProvider<DataSource> dataSource;

    HealthController(@Value("${crow.platform.service-name}") String service, ObjectProvider<DataSource> dataSource) {
        this.service = service;
        this.dataSource = dataSource;
    }

    record Health(String status, String service, Map<String, String> checks) {
    }

    @GetMapping("/api/v1/${crow.platform.service-name}/health")
    Health health() {
        return new Health("UP", service, Map.of());
    }

    @GetMapping("/api/v1/${crow.platform.service-name}/ready")
    ResponseEntity<Health> ready() {
        Map<String, String> checks = new LinkedHashMap<>();
        DataSource source = dataSource.getIfAvailable();
        boolean up = true;
        if (source != null) {
            boolean database = databaseAnswers(source);
            checks.put("database", database ? "UP" : "DOWN");
            up = database;
        }
        Health body = new Health(up ? "UP" : "DOWN", service, checks);
        return ResponseEntity.status(up ? 200 : 503).body(body);
    }

    private static boolean databaseAnswers(DataSource source) {
        try (Connection connection = source.getConnection()) {
            return connection.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }
}
