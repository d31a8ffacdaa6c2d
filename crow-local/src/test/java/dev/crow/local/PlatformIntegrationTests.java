package dev.crow.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformIntegrationTests {

    private static final List<String> FAKE_JVM = List.of("-Xmx32m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void startsAuthFirstThenTheRestAndKeepsSecretsAndDataAcrossRestarts(@TempDir Path dataDirectory) throws Exception {
        String secretsBefore;
        long authPid;
        int postgresPort;
        try (Platform platform = fakes(dataDirectory, "auth", "products", "gateway").start()) {
            postgresPort = ServiceCatalog.POSTGRES_PORT + platform.portOffset();
            String progress = output.toString(StandardCharsets.UTF_8);
            assertThat(progress).contains("postgres", "auth", "products", "gateway");
            assertThat(progress.indexOf("auth           ready in")).isPositive()
                    .isLessThan(progress.indexOf("products       starting…"));
            assertThat(progress).containsPattern("products\\s+ready in \\d+\\.\\d s")
                    .containsPattern("gateway\\s+ready in \\d+\\.\\d s");

            assertThat(platform.services()).extracting(RunningService::name).containsExactlyInAnyOrder("auth", "products", "gateway");
            assertThat(platform.url()).isEqualTo(platform.service("gateway").orElseThrow().baseUrl());
            assertThat(get(platform.service("gateway").orElseThrow().healthUrl()).statusCode()).isEqualTo(200);
            assertThat(platform.service("gateway").orElseThrow().healthUrl()).contains(":" + (8180 + platform.portOffset()) + "/actuator/health");

            String authEnv = get(platform.service("auth").orElseThrow().baseUrl() + "/env").body();
            assertThat(authEnv).contains("CROW_AUTH_COOKIE_SECRET=***", "SPRING_DATASOURCE_USERNAME=crow_auth",
                    "CROW_PLATFORM_JWT_JWKS_URI=http://127.0.0.1:" + (8081 + platform.portOffset()) + "/api/v1/auth/jwks");
            assertThat(get(platform.service("products").orElseThrow().baseUrl() + "/env").body())
                    .doesNotContain("CROW_AUTH_COOKIE_SECRET").contains("currentSchema=products");

            Path secrets = dataDirectory.resolve("secrets.properties");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rw-------");
            secretsBefore = Files.readString(secrets);
            assertThat(dataDirectory.resolve("logs").resolve("auth.log")).content().contains("connected as crow_auth in schema auth");

            assertEachServiceOwnsOnlyItsSchema(platform);
            assertThat(startsRecorded(platform, "auth")).isEqualTo(1);
            authPid = platform.service("auth").orElseThrow().pid();
        }
        assertThat(ProcessHandle.of(authPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(PortPlan.isFree(postgresPort)).isTrue();
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("Stopping CROW");

        output.reset();
        try (Platform again = fakes(dataDirectory, "auth").only(List.of("auth", "products")).start()) {
            assertThat(Files.readString(dataDirectory.resolve("secrets.properties"))).isEqualTo(secretsBefore);
            assertThat(startsRecorded(again, "auth")).isEqualTo(2);
            assertThat(output.toString(StandardCharsets.UTF_8)).containsPattern("products\\s+skipped\\s+not built");
            assertThat(again.skippedServices()).containsExactly("products");
        }
    }

    @Test
    void aServiceThatDiesStopsTheOthersAndShowsTheTailOfItsLog(@TempDir Path dataDirectory) throws Exception {
        Platform.Builder builder = fakes(dataDirectory, "auth", "products")
                .environment("products", Map.of("FAKE_BEHAVIOUR", "exit"));
        Platform platform = builder.build();

        assertThatThrownBy(platform::start).isInstanceOfSatisfying(PlatformStartException.class, failure -> {
            assertThat(failure.service()).isEqualTo("products");
            assertThat(failure.reason()).contains("exited with code 3");
            assertThat(failure.logTail()).anyMatch(line -> line.contains("simulated failure"));
        });

        String progress = output.toString(StandardCharsets.UTF_8);
        assertThat(progress).contains("FAILED").contains("| simulated failure: cannot reach the thing this service needs");
        assertThat(platform.services()).extracting(RunningService::name).containsExactly("auth");
        long authPid = platform.services().get(0).pid();
        assertThat(ProcessHandle.of(authPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(PortPlan.isFree(ServiceCatalog.POSTGRES_PORT + platform.portOffset())).isTrue();
    }

    @Test
    void aServiceThatNeverTurnsHealthyFailsAtTheDeadline(@TempDir Path dataDirectory) {
        Platform.Builder builder = fakes(dataDirectory, "auth")
                .environment("auth", Map.of("FAKE_BEHAVIOUR", "unhealthy"))
                .startupTimeout(Duration.ofSeconds(4));

        assertThatThrownBy(builder::start).isInstanceOfSatisfying(PlatformStartException.class, failure -> {
            assertThat(failure.service()).isEqualTo("auth");
            assertThat(failure.reason()).contains("not healthy").contains("/api/v1/auth/health");
            assertThat(failure.logTail()).anyMatch(line -> line.contains("fake service ready"));
        });
    }

    private Platform.Builder fakes(Path dataDirectory, String... services) {
        Platform.Builder builder = Platform.builder()
                .dataDirectory(dataDirectory)
                .freePortOffset()
                .only(List.of(services))
                .repositoryRoot(dataDirectory.resolve("no-jars-here"))
                .javaExecutable(JavaRuntime.current().executable())
                .jvmOptions(FAKE_JVM)
                .startupTimeout(Duration.ofSeconds(60))
                .progress(Progress.console(new PrintStream(output, true, StandardCharsets.UTF_8)));
        for (String service : services) {
            String healthPath = ServiceCatalog.find(service).orElseThrow().healthPath();
            builder.javaArguments(service, List.of("-cp", testClasspath(), FakeService.class.getName(), healthPath));
        }
        return builder;
    }

    private static void assertEachServiceOwnsOnlyItsSchema(Platform platform) throws SQLException {
        Platform.DatabaseAccess admin = platform.database();
        try (Connection connection = DriverManager.getConnection(admin.jdbcUrl(), admin.username(), admin.password());
                Statement sql = connection.createStatement()) {
            for (String schema : ServiceCatalog.schemas()) {
                try (ResultSet row = sql.executeQuery("select n.nspowner::regrole::text, r.rolsuper, r.rolcanlogin "
                        + "from pg_namespace n join pg_roles r on r.oid = n.nspowner where n.nspname = '" + schema + "'")) {
                    assertThat(row.next()).as("schema %s exists", schema).isTrue();
                    assertThat(row.getString(1)).isEqualTo("crow_" + schema);
                    assertThat(row.getBoolean(2)).isFalse();
                    assertThat(row.getBoolean(3)).isTrue();
                }
            }
        }
        Secrets secrets = Secrets.loadOrCreate(platform.dataDirectory(), ServiceCatalog.schemas());
        String productsUrl = admin.jdbcUrl() + "?currentSchema=products";
        try (Connection products = DriverManager.getConnection(productsUrl, "crow_products", secrets.databasePassword("products"));
                Statement sql = products.createStatement()) {
            assertThatThrownBy(() -> sql.executeQuery("select count(*) from auth.fake_start"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied for schema auth");
        }
        assertThatThrownBy(() -> DriverManager.getConnection(admin.jdbcUrl(), "crow_auth", "not-the-password"))
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        assertThatThrownBy(() -> DriverManager.getConnection(admin.jdbcUrl(), "postgres", ""))
                .isInstanceOf(SQLException.class);
    }

    private static int startsRecorded(Platform platform, String schema) throws SQLException {
        Platform.DatabaseAccess admin = platform.database();
        try (Connection connection = DriverManager.getConnection(admin.jdbcUrl(), admin.username(), admin.password());
                Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery("select count(*) from " + schema + ".fake_start")) {
            row.next();
            return row.getInt(1);
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The fake's own classes and the PostgreSQL driver: all a child needs. */
    private static String testClasspath() {
        return String.join(File.pathSeparator, location(FakeService.class), location(org.postgresql.Driver.class));
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
