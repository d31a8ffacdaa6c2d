package dev.crow.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * One service running as a child process: its output goes to {@code <data-dir>/logs/<service>.log}
 * (the previous run's log is kept as {@code .log.1}), readiness is its health endpoint answering
 * 2xx, and stopping is SIGTERM first, then a forced kill after a deadline.
 */
final class ServiceProcess {

    static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final ServiceDefinition service;
    private final Process process;
    private final Path logFile;
    private final URI healthUri;
    private final Instant startedAt;
    private final Duration stopGrace;

    private ServiceProcess(ServiceDefinition service, Process process, Path logFile, URI healthUri, Instant startedAt,
            Duration stopGrace) {
        this.service = service;
        this.process = process;
        this.logFile = logFile;
        this.healthUri = healthUri;
        this.startedAt = startedAt;
        this.stopGrace = stopGrace;
    }

    /**
     * Starts {@code command} with {@code environment} added to the launcher's. The child gets its
     * own session (setsid, where present) so a Ctrl-C in the terminal reaches only the launcher,
     * which then stops services before the database they need.
     */
    static ServiceProcess start(ServiceDefinition service, List<String> command, Map<String, String> environment,
            Path logFile, URI healthUri, Path workingDirectory, Duration stopGrace) {
        try {
            Files.createDirectories(logFile.getParent());
            if (Files.exists(logFile)) {
                Files.move(logFile, logFile.resolveSibling(logFile.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
            List<String> fullCommand = new ArrayList<>();
            if (Files.isExecutable(SETSID)) {
                fullCommand.add(SETSID.toString());
            }
            fullCommand.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(fullCommand)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            builder.environment().putAll(environment);
            Instant startedAt = Instant.now();
            return new ServiceProcess(service, builder.start(), logFile, healthUri, startedAt, stopGrace);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + service.name() + " with " + command, e);
        }
    }

    /**
     * Polls the health endpoint every 200 ms until it answers 2xx; fails as soon as the process
     * exits, the deadline passes, or {@code abandoned} says another service already failed.
     */
    Duration awaitHealthy(HttpClient client, Instant deadline, BooleanSupplier abandoned) throws PlatformStartException {
        HttpRequest request = HttpRequest.newBuilder(healthUri).timeout(REQUEST_TIMEOUT).GET().build();
        while (true) {
            if (!process.isAlive()) {
                throw failure("exited with code " + process.exitValue() + " before it was ready");
            }
            if (abandoned.getAsBoolean()) {
                throw new PlatformStartException(service.name(), "abandoned because another service failed", List.of());
            }
            if (answersHealthy(client, request)) {
                return Duration.between(startedAt, Instant.now());
            }
            if (Instant.now().isAfter(deadline)) {
                throw failure("not healthy at " + healthUri + " within "
                        + ConsoleProgress.seconds(Duration.between(startedAt, deadline)));
            }
            pauseUnlessExited(POLL_INTERVAL);
        }
    }

    private static boolean answersHealthy(HttpClient client, HttpRequest request) {
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 300;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits up to {@code interval}, returning early when the process exits, so a crash is reported at once. */
    private void pauseUnlessExited(Duration interval) {
        try {
            process.onExit().get(interval.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // the normal case: still running, poll again
        } catch (ExecutionException e) {
            // onExit never completes exceptionally; treat like an exit and let the loop look
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    PlatformStartException failure(String reason) {
        return new PlatformStartException(service.name(), reason, logTail(40));
    }

    /** Asks the service to stop (SIGTERM); it runs its shutdown hooks. */
    void requestStop() {
        process.destroy();
    }

    /** Waits for the exit until {@code deadline}, then kills it. */
    void awaitStop(Instant deadline) {
        try {
            long millis = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            if (!process.waitFor(millis, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The last {@code lines} lines of the log (at most the last 64 KiB of it). */
    List<String> logTail(int lines) {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long length = file.length();
            int size = (int) Math.min(length, 64 * 1024);
            byte[] bytes = new byte[size];
            file.seek(length - size);
            file.readFully(bytes);
            List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\r?\n"));
            return List.copyOf(all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return List.of();
        }
    }

    /** How long this process may take to stop after SIGTERM before it is killed. */
    Duration stopGrace() {
        return stopGrace;
    }

    ServiceDefinition service() {
        return service;
    }

    Process process() {
        return process;
    }

    Path logFile() {
        return logFile;
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
