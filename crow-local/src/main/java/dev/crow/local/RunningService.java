package dev.crow.local;

import java.nio.file.Path;

/**
 * A started, healthy service of a running {@link Platform}.
 *
 * @param name      service name ({@code auth}, {@code gateway}, …)
 * @param baseUrl   where it listens, e.g. {@code http://127.0.0.1:8081}
 * @param healthUrl the endpoint that answered 2xx
 * @param pid       its process id
 * @param logFile   where its output goes
 */
public record RunningService(String name, String baseUrl, String healthUrl, long pid, Path logFile) {
}
