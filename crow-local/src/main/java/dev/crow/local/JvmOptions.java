package dev.crow.local;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * JVM options for services on a developer's machine, where a dozen JVMs share a few cores: start
 * fast and stay small rather than reach peak throughput. {@code CROW_SERVICE_JVM_OPTS} replaces
 * them (benchmarks should, with their own).
 *
 * <p>Measured on a CROW-like service (starter, JPA, Flyway, one entity) on JDK 25: C1 only cut
 * startup CPU from about 21 s to 13 s and RSS from about 330 MB to 283 MB; a small initial heap
 * that is given back (the free-ratio options) took RSS to about 222 MB.
 */
final class JvmOptions {

    static final List<String> DEFAULTS = List.of(
            // small thread stacks and the single-threaded collector keep each JVM's footprint down
            "-Xss512k", "-XX:+UseSerialGC",
            // start small and give memory back; the cap is generous so nothing runs out locally
            "-Xms16m", "-Xmx384m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30",
            // C1 only: far less JIT work during startup, which is most of what runs locally
            "-XX:TieredStopAtLevel=1",
            "-XX:+ExitOnOutOfMemoryError");

    private JvmOptions() {
    }

    static List<String> resolve(List<String> configured, JavaRuntime java) {
        if (configured != null) {
            return configured;
        }
        String fromEnvironment = System.getenv("CROW_SERVICE_JVM_OPTS");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Arrays.asList(fromEnvironment.trim().split("\\s+"));
        }
        List<String> options = new ArrayList<>(DEFAULTS);
        if (java.feature() >= 25) {
            // 8-byte object headers (a product option since JDK 25): a few percent less heap
            options.add("-XX:+UseCompactObjectHeaders");
        }
        return options;
    }
}
