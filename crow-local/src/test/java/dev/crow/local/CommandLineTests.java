package dev.crow.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CommandLineTests {

    @Test
    void parsesUpWithEveryOption() {
        CommandLine line = CommandLine.parse("up", "--data-dir", "/tmp/crow", "--postgres-url", "jdbc:postgresql://db/crow",
                "--postgres-user", "admin", "--postgres-password=pw", "--redis-url", "redis://r:6379", "--port-offset", "100",
                "--only", "auth, gateway", "--timeout", "90");

        assertThat(line.command()).isEqualTo("up");
        assertThat(line.dataDirectory()).isEqualTo(Path.of("/tmp/crow"));
        assertThat(line.postgresUrl()).contains("jdbc:postgresql://db/crow");
        assertThat(line.postgresUser()).contains("admin");
        assertThat(line.postgresPassword()).contains("pw");
        assertThat(line.redisUrl()).contains("redis://r:6379");
        assertThat(line.portOffset()).isEqualTo(100);
        assertThat(line.only()).containsExactly("auth", "gateway");
        assertThat(line.timeout()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void defaultsToTheDotCrowDataDirectoryAndEveryService() {
        CommandLine line = CommandLine.parse("status");

        assertThat(line.dataDirectory()).isEqualTo(Path.of(".crow"));
        assertThat(line.only()).isEmpty();
        assertThat(line.portOffset()).isZero();
    }

    @Test
    void rejectsUnknownCommandsOptionsAndServices() {
        assertThatThrownBy(() -> CommandLine.parse("start")).hasMessageContaining("unknown command");
        assertThatThrownBy(() -> CommandLine.parse("up", "--verbose", "x")).hasMessageContaining("unknown option");
        assertThatThrownBy(() -> CommandLine.parse("up", "--only", "auth,nope")).hasMessageContaining("nope");
        assertThatThrownBy(() -> CommandLine.parse("up", "--port-offset", "ten")).hasMessageContaining("needs a number");
        assertThatThrownBy(() -> CommandLine.parse("up", "--postgres-url", "jdbc:postgresql://db/crow"))
                .hasMessageContaining("--postgres-user");
    }

    @Test
    void badArgumentsPrintUsageAndExitWithTwo() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int code = CrowLocal.run(new PrintStream(out, true, StandardCharsets.UTF_8), "up", "--bogus", "1");

        assertThat(code).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("unknown option --bogus", "Usage: crow");
    }

    @Test
    void statusOfAnEmptyDataDirectorySaysNotRunning(@org.junit.jupiter.api.io.TempDir Path directory) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int code = CrowLocal.run(new PrintStream(out, true, StandardCharsets.UTF_8), "status", "--data-dir", directory.toString());

        assertThat(code).isEqualTo(3);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("not running");
    }
}
