package dev.crow.local;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code java -cp crow-local.jar:lib/* dev.crow.local.CrowLocal up|status|down [options]}: the command behind {@code ./crow}. */
public final class CrowLocal {

    private CrowLocal() {
    }

    public static void main(String[] args) {
        System.exit(run(System.out, args));
    }

    static int run(PrintStream out, String... args) {
        CommandLine commandLine;
        try {
            commandLine = CommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            out.println("crow: " + e.getMessage());
            out.print(CommandLine.USAGE);
            return 2;
        }
        return switch (commandLine.command()) {
            case "up" -> up(out, commandLine);
            case "status" -> status(out, commandLine.dataDirectory());
            case "down" -> down(out, commandLine.dataDirectory());
            default -> {
                out.print(CommandLine.USAGE);
                yield 0;
            }
        };
    }

    private static int up(PrintStream out, CommandLine commandLine) {
        Platform platform = commandLine.toBuilder().progress(Progress.console(out)).build();
        Thread stopper = new Thread(platform::close, "crow-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        out.println("Starting CROW (services on " + platform.javaExecutable() + ", data in " + platform.dataDirectory() + ")");
        try {
            platform.start();
        } catch (PlatformStartException e) {
            out.println();
            out.println("CROW did not start: " + e.getMessage());
            out.println("Logs: " + platform.dataDirectory().resolve("logs"));
            return 1;
        }
        if (platform.services().isEmpty()) {
            out.println();
            out.println("PostgreSQL is ready, but no service is built yet: run ./crow up (it builds), or ./mvnw -DskipTests package");
        } else {
            banner(out, platform);
        }
        try {
            platform.awaitClosed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    static void banner(PrintStream out, Platform platform) {
        String url = platform.url().replace("127.0.0.1", "localhost");
        boolean gateway = platform.service(ServiceCatalog.GATEWAY).isPresent();
        Path data = platform.dataDirectory();
        out.println();
        out.printf(Locale.ROOT, "CROW is ready in %s%n", ConsoleProgress.seconds(platform.startupTime()));
        out.printf("  %-12s %s%s%n", gateway ? "Gateway" : "Auth", url, gateway ? "" : "   (gateway not built; talking to auth-service directly)");
        if (gateway) {
            out.printf("  %-12s %s/swagger-ui.html%n", "Swagger UI", url);
        }
        out.printf("  %-12s curl -i -X POST %s/api/v1/auth/sign-up/email -H 'Content-Type: application/json' \\%n", "Try", url);
        out.printf("  %-12s      -d '{\"name\":\"Ada\",\"email\":\"ada@example.com\",\"password\":\"correct-horse-battery\"}'%n", "");
        out.printf("  %-12s %s  (secrets.properties, postgres/)%n", "Data", data);
        out.printf("  %-12s %s%n", "Logs", data.resolve("logs").resolve("<service>.log"));
        if (!platform.skippedServices().isEmpty()) {
            out.printf("  %-12s %s%n", "Not built", String.join(", ", platform.skippedServices()));
        }
        out.printf("  %-12s Ctrl-C, or ./crow down%n", "Stop");
    }

    private static int status(PrintStream out, Path dataDirectory) {
        RuntimeFile runtime = new RuntimeFile(dataDirectory.toAbsolutePath().normalize());
        Optional<ProcessHandle> launcher = runtime.liveLauncher();
        if (launcher.isEmpty()) {
            out.println("CROW is not running in " + dataDirectory.toAbsolutePath().normalize());
            return 3;
        }
        out.println("CROW is running in " + dataDirectory.toAbsolutePath().normalize() + " (launcher pid " + launcher.get().pid() + ")");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        List<RuntimeFile.Entry> services = runtime.services();
        if (services.isEmpty()) {
            out.println("  still starting");
        }
        for (RuntimeFile.Entry service : services) {
            boolean alive = ProcessHandle.of(service.pid()).map(ProcessHandle::isAlive).orElse(false);
            String state = !alive ? "stopped" : healthy(client, service.healthUrl()) ? "ready" : "not answering";
            out.printf(Locale.ROOT, "  %-14s %-14s %s (pid %d)%n", service.name(), state, service.url(), service.pid());
        }
        return 0;
    }

    private static boolean healthy(HttpClient client, String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 300;
        } catch (Exception e) {
            return false;
        }
    }

    private static int down(PrintStream out, Path dataDirectory) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        RuntimeFile runtime = new RuntimeFile(directory);
        Optional<ProcessHandle> launcher = runtime.liveLauncher();
        if (launcher.isPresent()) {
            out.println("Stopping CROW (launcher pid " + launcher.get().pid() + ")…");
            // the launcher's shutdown hook stops services first, then PostgreSQL
            RuntimeFile.terminate(launcher.get(), Duration.ofMinutes(3));
            out.println("Stopped.");
            return 0;
        }
        List<String> leftovers = runtime.stopLeftovers(directory.resolve("postgres"), Duration.ofSeconds(30));
        out.println(leftovers.isEmpty() ? "CROW is not running in " + directory
                : "Stopped what a previous launcher left running: " + String.join(", ", leftovers));
        return 0;
    }
}
