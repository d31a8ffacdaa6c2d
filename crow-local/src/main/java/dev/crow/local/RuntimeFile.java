package dev.crow.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * {@code <data-dir>/platform.properties}: which launcher runs the platform in this data directory,
 * with its services' pids and URLs, so {@code status} and {@code down} work from another terminal
 * and a launcher that was killed leaves nothing running behind the next start.
 */
final class RuntimeFile {

    static final String FILE_NAME = "platform.properties";
    private static final String LAUNCHER_PID = "launcher.pid";
    private static final String SERVICES = "services";

    private final Path file;

    RuntimeFile(Path dataDirectory) {
        this.file = dataDirectory.resolve(FILE_NAME);
    }

    /** A service as recorded: enough to check on it or stop it. */
    record Entry(String name, long pid, String url, String healthUrl) {
    }

    void write(long launcherPid, List<Entry> services) {
        Properties values = new Properties();
        values.setProperty(LAUNCHER_PID, Long.toString(launcherPid));
        values.setProperty("written-at", Instant.now().toString());
        values.setProperty(SERVICES, String.join(",", services.stream().map(Entry::name).toList()));
        for (Entry service : services) {
            values.setProperty("service." + service.name() + ".pid", Long.toString(service.pid()));
            values.setProperty("service." + service.name() + ".url", service.url());
            values.setProperty("service." + service.name() + ".health", service.healthUrl());
        }
        try {
            Path temporary = Files.createTempFile(file.getParent(), "platform", ".tmp");
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                values.store(writer, "written by the running CROW launcher; removed when it stops");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale file is recognised by its dead launcher pid on the next start
        }
    }

    Optional<Long> launcherPid() {
        return read().map(values -> Long.parseLong(values.getProperty(LAUNCHER_PID, "-1")));
    }

    List<Entry> services() {
        List<Entry> entries = new ArrayList<>();
        read().ifPresent(values -> {
            for (String name : values.getProperty(SERVICES, "").split(",")) {
                if (!name.isBlank()) {
                    entries.add(new Entry(name, Long.parseLong(values.getProperty("service." + name + ".pid", "-1")),
                            values.getProperty("service." + name + ".url", ""),
                            values.getProperty("service." + name + ".health", "")));
                }
            }
        });
        return entries;
    }

    /** The launcher recorded here, if it still runs. */
    Optional<ProcessHandle> liveLauncher() {
        return launcherPid().flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(handle -> commandContains(handle, "java"));
    }

    /**
     * Stops what a killed launcher left running: recorded services, then the embedded
     * PostgreSQL of {@code pgData} (its postmaster.pid). Returns what was stopped.
     */
    List<String> stopLeftovers(Path pgData, Duration timeout) {
        List<String> stopped = new ArrayList<>();
        for (Entry service : services()) {
            ProcessHandle.of(service.pid()).filter(ProcessHandle::isAlive).filter(handle -> commandContains(handle, "java"))
                    .ifPresent(handle -> {
                        terminate(handle, timeout);
                        stopped.add(service.name() + " (pid " + service.pid() + ")");
                    });
        }
        postmaster(pgData).ifPresent(handle -> {
            terminate(handle, timeout);
            stopped.add("postgres (pid " + handle.pid() + ")");
        });
        delete();
        return stopped;
    }

    /** The PostgreSQL server still running on {@code pgData}, from the first line of its postmaster.pid. */
    static Optional<ProcessHandle> postmaster(Path pgData) {
        Path pidFile = pgData.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            String first = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").trim();
            return ProcessHandle.of(Long.parseLong(first)).filter(ProcessHandle::isAlive)
                    .filter(handle -> commandContains(handle, "postgres"));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static void terminate(ProcessHandle handle, Duration timeout) {
        handle.destroy();
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            handle.destroyForcibly();
        }
    }

    private Optional<Properties> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties values = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(reader);
            return Optional.of(values);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Guards against a recycled pid: only a process that still looks like ours is touched. */
    private static boolean commandContains(ProcessHandle handle, String word) {
        return handle.info().command().map(command -> command.contains(word)).orElse(true);
    }
}
