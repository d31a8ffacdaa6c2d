package dev.crow.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The whole platform on one machine: secrets, PostgreSQL (embedded, or an external server) with a
 * role and schema per service, then auth-service (the others need its JWKS) and every other built
 * service in parallel, each awaited on its health endpoint. {@link #close()} stops services with
 * SIGTERM (forcibly after a deadline) and then PostgreSQL.
 *
 * <pre>{@code
 * try (Platform platform = Platform.builder().dataDirectory(tempDir).freePortOffset().start()) {
 *     String gateway = platform.url();
 * }
 * }</pre>
 */
public final class Platform implements AutoCloseable {

    private static final Duration ARCHIVE_STOP_GRACE = Duration.ofMinutes(2);

    private final Settings settings;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    private final List<ServiceProcess> processes = new ArrayList<>();
    private final Map<String, RunningService> running = new LinkedHashMap<>();
    private final List<String> skipped = new ArrayList<>();
    private final RuntimeFile runtimeFile;
    private EmbeddedDatabase embedded;
    private PostgresTarget database;
    private Secrets secrets;
    private Duration startupTime;

    private Platform(Settings settings) {
        this.settings = settings;
        this.runtimeFile = new RuntimeFile(settings.dataDirectory());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Everything a start needs, fixed once the builder is done. */
    private record Settings(Path dataDirectory, PortPlan ports, List<ServiceDefinition> services, Path repositoryRoot,
            Optional<PostgresTarget> externalPostgres, Optional<String> redisUrl, Map<String, Map<String, String>> environment,
            Map<String, List<String>> javaArguments, JavaRuntime java, List<String> jvmOptions, Duration startupTimeout,
            Duration stopTimeout, Progress progress) {
    }

    /**
     * Starts the platform. On failure everything already started is stopped again and the
     * exception names the service and carries the tail of its log.
     */
    public Platform start() throws PlatformStartException {
        Instant begin = Instant.now();
        try {
            prepareDataDirectory();
            secrets = Secrets.loadOrCreate(settings.dataDirectory(), ServiceCatalog.schemas());
            database = settings.externalPostgres().orElseGet(this::startEmbeddedPostgres);
            new DatabaseProvisioner(database, secrets).provision(ServiceCatalog.schemas());
            recordRuntime();
            launchServices();
            startupTime = Duration.between(begin, Instant.now());
            return this;
        } catch (PlatformStartException e) {
            close();
            throw e;
        } catch (SQLException e) {
            close();
            throw new PlatformStartException("postgres", "could not prepare database " + database + ": " + e.getMessage(), List.of());
        } catch (RuntimeException e) {
            close();
            throw new PlatformStartException("platform", e.getMessage() == null ? e.toString() : e.getMessage(), List.of());
        }
    }

    /** The entry point for clients: the gateway, or auth-service while the gateway is not built. */
    public String url() {
        return service(ServiceCatalog.GATEWAY).or(() -> service(ServiceCatalog.AUTH))
                .or(() -> running.values().stream().findFirst())
                .map(RunningService::baseUrl).orElseThrow(() -> new IllegalStateException("no service is running"));
    }

    public Optional<RunningService> service(String name) {
        synchronized (running) {
            return Optional.ofNullable(running.get(name));
        }
    }

    public List<RunningService> services() {
        synchronized (running) {
            return List.copyOf(running.values());
        }
    }

    /** Services in the selection that were not started because their jar was not built. */
    public List<String> skippedServices() {
        synchronized (skipped) {
            return List.copyOf(skipped);
        }
    }

    public Path dataDirectory() {
        return settings.dataDirectory();
    }

    public int portOffset() {
        return settings.ports().offset();
    }

    /** The key for {@code X-Service-API-Key} on internal endpoints. */
    public String serviceKey() {
        return secrets.serviceKey();
    }

    /** Administrative access to the platform database, for tests that inspect what services stored. */
    public DatabaseAccess database() {
        return new DatabaseAccess(database.jdbcUrl(), database.adminUser(), database.adminPassword());
    }

    /** How to reach the platform database as its administrator. */
    public record DatabaseAccess(String jdbcUrl, String username, String password) {

        @Override
        public String toString() {
            return "DatabaseAccess[" + jdbcUrl + " as " + username + "]";
        }
    }

    /** Time from {@link #start()} to the last service ready. */
    public Duration startupTime() {
        return startupTime;
    }

    /** The JVM the services run on. */
    public Path javaExecutable() {
        return settings.java().executable();
    }

    /** Blocks until {@link #close()} has finished (the CLI's main thread waits here). */
    public void awaitClosed() throws InterruptedException {
        closedLatch.await();
    }

    /** Stops services (SIGTERM, then forcibly after the stop timeout), then PostgreSQL. Safe to call twice. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            List<ServiceProcess> toStop;
            synchronized (processes) {
                toStop = List.copyOf(processes);
            }
            if (!toStop.isEmpty() || embedded != null) {
                boolean archiving = toStop.stream().anyMatch(process -> process.stopGrace().compareTo(settings.stopTimeout()) > 0);
                settings.progress().stopping(archiving ? "first run after a build: saving class-data archives for faster starts" : "");
            }
            Instant signalled = Instant.now();
            toStop.forEach(ServiceProcess::requestStop);
            toStop.forEach(process -> process.awaitStop(signalled.plus(max(process.stopGrace(), settings.stopTimeout()))));
            synchronized (processes) {
                if (embedded != null) {
                    embedded.close();
                }
            }
            runtimeFile.delete();
        } finally {
            closedLatch.countDown();
        }
    }

    private void prepareDataDirectory() {
        Path directory = settings.dataDirectory();
        // a live launcher (this JVM included) means a running platform; a dead one left leftovers to clean up
        Optional<ProcessHandle> launcher = runtimeFile.liveLauncher();
        if (launcher.isPresent()) {
            throw new IllegalStateException("a CROW platform already runs in " + directory + " (launcher pid "
                    + launcher.get().pid() + "); stop it with: crow down --data-dir " + directory);
        }
        runtimeFile.stopLeftovers(directory.resolve("postgres"), settings.stopTimeout());
        try {
            if (!Files.exists(directory)) {
                Files.createDirectories(directory);
                if (Secrets.posix()) {
                    Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
                }
            }
            Files.createDirectories(directory.resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not create data directory " + directory, e);
        }
    }

    private PostgresTarget startEmbeddedPostgres() {
        Path pgData = settings.dataDirectory().resolve("postgres");
        if (Files.exists(pgData.resolve(EmbeddedDatabase.SECURED_MARKER)) && secrets.generated(Secrets.POSTGRES_ADMIN_PASSWORD)) {
            throw new IllegalStateException(settings.dataDirectory().resolve(Secrets.FILE_NAME) + " was lost, so "
                    + pgData + " can no longer be opened; restore the file, or delete " + settings.dataDirectory()
                    + " to start over with an empty platform");
        }
        int port = settings.ports().postgresPort();
        if (!PortPlan.isFree(port)) {
            throw new IllegalStateException("port " + port + " for PostgreSQL is in use; choose another --port-offset");
        }
        String where = "localhost:" + port + ", data in " + pgData;
        settings.progress().postgresStarting(where);
        Instant begin = Instant.now();
        EmbeddedDatabase started = EmbeddedDatabase.start(settings.dataDirectory(), port, secrets.postgresAdminPassword(),
                settings.dataDirectory().resolve("logs").resolve("postgres.log"));
        synchronized (processes) {
            embedded = started;
            if (closed.get()) {
                started.close();
                throw new IllegalStateException("stopped while PostgreSQL was starting");
            }
        }
        settings.progress().postgresReady(where, Duration.between(begin, Instant.now()));
        return started.target();
    }

    private void launchServices() throws PlatformStartException {
        List<ServiceLaunch> found = new ArrayList<>();
        for (ServiceDefinition service : settings.services()) {
            Optional<ServiceLaunch> launch = ServiceLaunch.find(service, settings.repositoryRoot(), settings.javaArguments());
            if (launch.isPresent()) {
                found.add(launch.get());
            } else {
                synchronized (skipped) {
                    skipped.add(service.name());
                }
                settings.progress().serviceSkipped(service.name(), "not built (./mvnw -pl " + service.module() + " package)");
            }
        }
        List<ServiceLaunch> launches = unpack(found);
        ServiceEnvironment environment = new ServiceEnvironment(settings.ports(), secrets, database, settings.redisUrl());
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(settings.startupTimeout());
        List<ServiceLaunch> first = launches.stream().filter(launch -> launch.service().name().equals(ServiceCatalog.AUTH)).toList();
        List<ServiceLaunch> rest = launches.stream().filter(launch -> !first.contains(launch)).toList();
        startInParallel(first, environment, client, deadline);
        startInParallel(rest, environment, client, deadline);
    }

    /** Unpacks the services' jars (only those that changed since the last start), two at a time. */
    private List<ServiceLaunch> unpack(List<ServiceLaunch> launches) {
        ExecutorService unpackers = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "crow-unpack");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<ServiceLaunch>> unpacked = launches.stream()
                    .map(launch -> CompletableFuture.supplyAsync(() -> unpack(launch), unpackers))
                    .toList();
            return unpacked.stream().map(CompletableFuture::join).toList();
        } finally {
            unpackers.shutdownNow();
        }
    }

    private void startInParallel(List<ServiceLaunch> launches, ServiceEnvironment environment, HttpClient client,
            Instant deadline) throws PlatformStartException {
        if (launches.isEmpty()) {
            return;
        }
        AtomicBoolean failed = new AtomicBoolean();
        List<ServiceProcess> started = new ArrayList<>();
        for (ServiceLaunch launch : launches) {
            started.add(launch(launch, environment));
        }
        ExecutorService waiters = Executors.newFixedThreadPool(started.size(), runnable -> {
            Thread thread = new Thread(runnable, "crow-health-wait");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<PlatformStartException>> waits = new ArrayList<>();
            for (ServiceProcess process : started) {
                waits.add(CompletableFuture.supplyAsync(() -> awaitReady(process, client, deadline, failed), waiters));
            }
            PlatformStartException firstFailure = null;
            for (CompletableFuture<PlatformStartException> wait : waits) {
                PlatformStartException failure = wait.join();
                if (failure != null && firstFailure == null) {
                    firstFailure = failure;
                }
            }
            if (firstFailure != null) {
                throw firstFailure;
            }
        } finally {
            waiters.shutdownNow();
        }
    }

    /** Waits for one service; returns its failure (reported once, here) instead of throwing across threads. */
    private ServiceLaunch unpack(ServiceLaunch launch) {
        if (launch.needsUnpacking(settings.dataDirectory())) {
            settings.progress().serviceUnpacking(launch.service().name());
        }
        return launch.unpacked(settings.dataDirectory(), settings.java());
    }

    private PlatformStartException awaitReady(ServiceProcess process, HttpClient client, Instant deadline, AtomicBoolean failed) {
        ServiceDefinition service = process.service();
        String url = settings.ports().baseUrl(service);
        try {
            Duration took = process.awaitHealthy(client, deadline, () -> failed.get() || closed.get());
            synchronized (running) {
                running.put(service.name(), new RunningService(service.name(), url, healthUrl(service),
                        process.process().pid(), process.logFile()));
            }
            process.process().onExit().thenAccept(exited -> {
                if (!closed.get()) {
                    synchronized (running) {
                        running.remove(service.name());
                    }
                    settings.progress().serviceExited(service.name(), exited.exitValue());
                }
            });
            settings.progress().serviceReady(service.name(), url, took);
            return null;
        } catch (PlatformStartException e) {
            if (failed.compareAndSet(false, true) && !closed.get()) {
                settings.progress().serviceFailed(service.name(), e.reason(), e.logTail());
                return e;
            }
            return e;
        }
    }

    private ServiceProcess launch(ServiceLaunch launch, ServiceEnvironment environment) throws PlatformStartException {
        ServiceDefinition service = launch.service();
        for (int port : settings.ports().ports(List.of(service), false)) {
            if (!PortPlan.isFree(port)) {
                PlatformStartException busy = new PlatformStartException(service.name(),
                        "port " + port + " is already in use (another CROW platform? choose another --port-offset)", List.of());
                settings.progress().serviceFailed(service.name(), "port " + port + " is already in use", List.of());
                throw busy;
            }
        }
        Map<String, String> env = environment.forService(service, settings.environment().getOrDefault(service.name(), Map.of()));
        Path log = settings.dataDirectory().resolve("logs").resolve(service.name() + ".log");
        Path workingDirectory = settings.dataDirectory().resolve("services").resolve(service.name());
        try {
            Files.createDirectories(workingDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + workingDirectory, e);
        }
        List<String> jvmOptions = JvmOptions.resolve(settings.jvmOptions(), settings.java());
        settings.progress().serviceStarting(service.name(), settings.ports().baseUrl(service));
        // a JVM writing its class-data archive at exit needs longer to stop; cutting it short loses the archive
        Duration stopGrace = launch.writesArchiveOnExit(settings.java()) ? ARCHIVE_STOP_GRACE : settings.stopTimeout();
        ServiceProcess process = ServiceProcess.start(service, launch.command(settings.java(), jvmOptions), env, log,
                uri(healthUrl(service)), workingDirectory, stopGrace);
        synchronized (processes) {
            processes.add(process);
            if (closed.get()) {
                process.requestStop();
                throw new PlatformStartException(service.name(), "stopped while starting", List.of());
            }
        }
        recordRuntime();
        return process;
    }

    /** Records this launcher and every process it started, so status, down and the next start can find them. */
    private void recordRuntime() {
        List<RuntimeFile.Entry> entries;
        synchronized (processes) {
            if (closed.get()) {
                return;
            }
            entries = processes.stream().map(process -> new RuntimeFile.Entry(process.service().name(),
                    process.process().pid(), settings.ports().baseUrl(process.service()), healthUrl(process.service())))
                    .toList();
            runtimeFile.write(ProcessHandle.current().pid(), entries);
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private String healthUrl(ServiceDefinition service) {
        return "http://127.0.0.1:" + settings.ports().healthPort(service) + service.healthPath();
    }

    private static URI uri(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(value, e);
        }
    }

    /** Configures a {@link Platform}; every setting has a default that runs the full local platform. */
    public static final class Builder {

        private Path dataDirectory = Path.of(".crow");
        private int portOffset;
        private final Map<String, Integer> ports = new HashMap<>();
        private List<String> only = List.of();
        private Path repositoryRoot;
        private PostgresTarget externalPostgres;
        private String redisUrl;
        private final Map<String, Map<String, String>> environment = new HashMap<>();
        private final Map<String, List<String>> javaArguments = new HashMap<>();
        private Path javaExecutable;
        private List<String> jvmOptions;
        private Duration startupTimeout = Duration.ofMinutes(3);
        private Duration stopTimeout = Duration.ofSeconds(20);
        private Progress progress = Progress.console(System.out);

        private Builder() {
        }

        /** Where secrets, PostgreSQL data and logs live; {@code .crow} in the working directory by default. */
        public Builder dataDirectory(Path directory) {
            this.dataDirectory = directory;
            return this;
        }

        /** Added to every default port (services, the gateway's management port, PostgreSQL's 15432). */
        public Builder portOffset(int offset) {
            this.portOffset = offset;
            return this;
        }

        /** An offset whose ports are all free now: for tests that start platforms side by side. */
        public Builder freePortOffset() {
            this.portOffset = PortPlan.freeOffset();
            return this;
        }

        /** An explicit port for a service ({@code auth}), its management port ({@code gateway.management}) or {@code postgres}. */
        public Builder port(String name, int port) {
            ports.put(name, port);
            return this;
        }

        /** Start only these services (names like {@code auth} or modules like {@code auth-service}); all by default. */
        public Builder only(Collection<String> services) {
            this.only = List.copyOf(services);
            return this;
        }

        /** The checkout whose {@code <module>/target} directories hold the services' jars; found from this jar by default. */
        public Builder repositoryRoot(Path root) {
            this.repositoryRoot = root;
            return this;
        }

        /** Use an existing PostgreSQL server instead of the embedded one; the login must be able to create roles. */
        public Builder externalPostgres(String jdbcUrl, String adminUser, String adminPassword) {
            this.externalPostgres = PostgresTarget.parse(jdbcUrl, adminUser, adminPassword);
            return this;
        }

        /** Gives the gateway a Redis for shared rate-limit buckets ({@code redis://…}). */
        public Builder redisUrl(String url) {
            this.redisUrl = url;
            return this;
        }

        /** Extra environment for one service, applied last (so it can override the defaults). */
        public Builder environment(String service, Map<String, String> variables) {
            environment.computeIfAbsent(service, name -> new LinkedHashMap<>()).putAll(variables);
            return this;
        }

        /** Starts {@code service} with these arguments after the JVM options instead of {@code -jar <exec jar>}. */
        public Builder javaArguments(String service, List<String> arguments) {
            javaArguments.put(service, List.copyOf(arguments));
            return this;
        }

        /** The {@code java} to run services with; otherwise {@code CROW_JAVA} or the newest JDK 21+ found. */
        public Builder javaExecutable(Path executable) {
            this.javaExecutable = executable;
            return this;
        }

        /** Replaces the default JVM options of every service (otherwise {@code CROW_SERVICE_JVM_OPTS} or the defaults). */
        public Builder jvmOptions(List<String> options) {
            this.jvmOptions = List.copyOf(options);
            return this;
        }

        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = timeout;
            return this;
        }

        public Builder stopTimeout(Duration timeout) {
            this.stopTimeout = timeout;
            return this;
        }

        public Builder progress(Progress value) {
            this.progress = value;
            return this;
        }

        /** A platform ready to {@link Platform#start()}; the CLI registers its shutdown hook in between. */
        public Platform build() {
            JavaRuntime java = javaExecutable == null ? JavaRuntime.forServices()
                    : new JavaRuntime(javaExecutable, JavaRuntime.releaseOf(javaExecutable.toAbsolutePath().getParent().getParent()).orElse(0));
            return new Platform(new Settings(dataDirectory.toAbsolutePath().normalize(), new PortPlan(portOffset, ports),
                    ServiceCatalog.select(only), repositoryRoot == null ? RepositoryRoot.find() : repositoryRoot,
                    Optional.ofNullable(externalPostgres), Optional.ofNullable(redisUrl), Map.copyOf(environment),
                    Map.copyOf(javaArguments), java, jvmOptions, startupTimeout, stopTimeout, progress));
        }

        public Platform start() throws PlatformStartException {
            return build().start();
        }
    }
}
