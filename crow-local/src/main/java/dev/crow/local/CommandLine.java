package dev.crow.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The launcher's arguments: {@code up|status|down} and their options.
 *
 * @param command          {@code up}, {@code status}, {@code down} or {@code help}
 * @param dataDirectory    {@code --data-dir}, default {@code .crow}
 * @param postgresUrl      {@code --postgres-url}: an external server instead of the embedded one
 * @param postgresUser     {@code --postgres-user}
 * @param postgresPassword {@code --postgres-password}, or {@code CROW_POSTGRES_PASSWORD} (keeps it out of {@code ps})
 * @param redisUrl         {@code --redis-url} for the gateway's shared rate-limit buckets
 * @param portOffset       {@code --port-offset}
 * @param only             {@code --only auth,gateway}
 * @param timeout          {@code --timeout <seconds>} for the whole start
 */
record CommandLine(String command, Path dataDirectory, Optional<String> postgresUrl, Optional<String> postgresUser,
        Optional<String> postgresPassword, Optional<String> redisUrl, int portOffset, List<String> only, Duration timeout) {

    static final String USAGE = """
            Usage: crow <command> [options]

            Commands:
              up       start PostgreSQL and every built service; Ctrl-C stops them all
              status   show what runs in the data directory
              down     stop the platform running in the data directory

            Options:
              --data-dir DIR            secrets, PostgreSQL data and logs (default .crow)
              --postgres-url URL        use this PostgreSQL (jdbc:postgresql://host:5432/crow) instead of the embedded one
              --postgres-user USER      a login that may create roles and databases there
              --postgres-password PW    its password (better: environment variable CROW_POSTGRES_PASSWORD)
              --redis-url URL           Redis for the gateway's shared rate limits (redis://host:6379)
              --port-offset N           add N to every port (8080… and PostgreSQL's 15432)
              --only NAMES              start only these services, e.g. auth,gateway
              --timeout SECONDS         give up when not everything is ready by then (default 180)
            """;

    static CommandLine parse(String... args) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        String command = rest.isEmpty() ? "help" : rest.remove(0);
        if (command.equals("--help") || command.equals("-h")) {
            command = "help";
        }
        if (!List.of("up", "status", "down", "help").contains(command)) {
            throw new IllegalArgumentException("unknown command '" + command + "'");
        }
        Path dataDirectory = Path.of(".crow");
        String postgresUrl = null;
        String postgresUser = null;
        String postgresPassword = System.getenv("CROW_POSTGRES_PASSWORD");
        String redisUrl = null;
        int portOffset = 0;
        List<String> only = List.of();
        Duration timeout = Duration.ofSeconds(180);
        for (int i = 0; i < rest.size(); i++) {
            String option = rest.get(i);
            String value;
            int equals = option.indexOf('=');
            if (option.startsWith("--") && equals > 0) {
                value = option.substring(equals + 1);
                option = option.substring(0, equals);
            } else if (option.equals("--help") || option.equals("-h")) {
                command = "help";
                continue;
            } else {
                if (i + 1 >= rest.size()) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                value = rest.get(++i);
            }
            switch (option) {
                case "--data-dir" -> dataDirectory = Path.of(value);
                case "--postgres-url" -> postgresUrl = value;
                case "--postgres-user" -> postgresUser = value;
                case "--postgres-password" -> postgresPassword = value;
                case "--redis-url" -> redisUrl = value;
                case "--port-offset" -> portOffset = integer(option, value);
                case "--only" -> only = Arrays.stream(value.split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList();
                case "--timeout" -> timeout = Duration.ofSeconds(integer(option, value));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (postgresUrl == null && postgresUser != null) {
            throw new IllegalArgumentException("--postgres-user needs --postgres-url");
        }
        if (postgresUrl != null && postgresUser == null) {
            throw new IllegalArgumentException("--postgres-url needs --postgres-user (and a password)");
        }
        ServiceCatalog.select(only);
        return new CommandLine(command, dataDirectory, Optional.ofNullable(postgresUrl), Optional.ofNullable(postgresUser),
                Optional.ofNullable(postgresPassword), Optional.ofNullable(redisUrl), portOffset, only, timeout);
    }

    Platform.Builder toBuilder() {
        Platform.Builder builder = Platform.builder().dataDirectory(dataDirectory).portOffset(portOffset).only(only)
                .startupTimeout(timeout);
        postgresUrl.ifPresent(url -> builder.externalPostgres(url, postgresUser.orElseThrow(), postgresPassword.orElse("")));
        redisUrl.ifPresent(builder::redisUrl);
        return builder;
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, not '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return "CommandLine[" + command + ", data " + dataDirectory + "]";
    }
}
