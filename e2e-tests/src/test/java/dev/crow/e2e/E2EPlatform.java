package dev.crow.e2e;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.crow.e2e.echo.EchoServiceApplication;
import dev.crow.local.Platform;
import dev.crow.local.PlatformStartException;
import dev.crow.local.RunningService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The real platform, started once for the whole suite the way {@code ./crow up} starts it
 * (embedded PostgreSQL, auth-service, user-service, org-service, interaction-service,
 * pattern-service and the gateway from their executable jars) on free ports, plus an echo service built on the starter in the cctv path
 * family, and a GreenMail SMTP server that user-service delivers to.
 *
 * <p>Two settings differ from a default local run, both to make bounds measurable in a test:
 * the gateway's principal cache lives {@link #PRINCIPAL_CACHE_TTL} instead of 60 s, and the
 * gateway trusts loopback as a proxy, so each test can speak from its own client address
 * ({@code X-Forwarded-For}) and get its own per-IP rate-limit buckets.
 */
public final class E2EPlatform {

    public static final Duration PRINCIPAL_CACHE_TTL = Duration.ofSeconds(3);
    public static final String DASHBOARD_ORIGIN = "http://dashboard.crow.test:3000";

    private static E2EPlatform instance;
    private static RuntimeException startFailure;

    private final Platform platform;
    private final GreenMail mail;

    private E2EPlatform(Platform platform, GreenMail mail) {
        this.platform = platform;
        this.mail = mail;
    }

    public static synchronized E2EPlatform get() {
        if (startFailure != null) {
            throw startFailure;
        }
        if (instance == null) {
            try {
                instance = start();
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "crow-e2e-stop"));
        }
        return instance;
    }

    private static E2EPlatform start() {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        int smtpPort = mail.getSmtp().getPort();
        Path root = Path.of(System.getProperty("crow.repository.root", "..")).toAbsolutePath().normalize();
        try {
            Path data = Files.createTempDirectory("crow-e2e-");
            Platform platform = Platform.builder()
                    .repositoryRoot(root)
                    .dataDirectory(data)
                    .freePortOffset()
                    // the JVM running the suite runs the services too: no class-data archives to
                    // write at exit (a one-off saving for long-lived local runs, not for a test)
                    .javaExecutable(Path.of(System.getProperty("java.home"), "bin", "java"))
                    .only(List.of("auth", "users", "organizations", "interactions", "patterns", "cctv", "gateway"))
                    .javaArguments("cctv", List.of("-cp", System.getProperty("java.class.path"),
                            EchoServiceApplication.class.getName()))
                    .environment("gateway", Map.of(
                            "CROW_GATEWAY_PRINCIPAL_CACHE_TTL", PRINCIPAL_CACHE_TTL.toSeconds() + "s",
                            "CROW_GATEWAY_TRUSTED_PROXIES", "127.0.0.1",
                            "CROW_GATEWAY_CORS_ALLOWED_ORIGINS", DASHBOARD_ORIGIN))
                    .environment("auth", Map.of("CROW_AUTH_TRUSTED_ORIGINS", DASHBOARD_ORIGIN))
                    .environment("users", Map.of(
                            "SPRING_MAIL_HOST", "127.0.0.1",
                            "SPRING_MAIL_PORT", Integer.toString(smtpPort),
                            "CROW_USERS_MAIL_APP_URL", DASHBOARD_ORIGIN))
                    .environment("organizations", Map.of("CROW_ORGANIZATIONS_APP_URL", DASHBOARD_ORIGIN))
                    .startupTimeout(Duration.ofMinutes(5))
                    .start();
            return new E2EPlatform(platform, mail);
        } catch (PlatformStartException e) {
            mail.stop();
            throw new IllegalStateException("the platform did not start: " + e.getMessage(), e);
        } catch (IOException e) {
            mail.stop();
            throw new UncheckedIOException(e);
        }
    }

    private void stop() {
        platform.close();
        mail.stop();
        deleteRecursively(platform.dataDirectory());
    }

    private static void deleteRecursively(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not remove " + directory + ": " + e.getMessage());
        }
    }

    /** The gateway's base URL, as clients see it. */
    public String gateway() {
        return platform.url();
    }

    public RunningService service(String name) {
        return platform.service(name).orElseThrow(() -> new IllegalStateException(name + " is not running"));
    }

    public String serviceKey() {
        return platform.serviceKey();
    }

    public GreenMail mail() {
        return mail;
    }
}
