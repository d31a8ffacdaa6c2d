package dev.crow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The unmodified Better Auth client (better-auth 1.7 with the organization, jwt and api-key
 * plugins) against the gateway: src/test/node/better-auth-client.mjs. Needs Node.js and the
 * client installed there ({@code npm ci} in src/test/node, which .ci/run does); skipped, saying
 * so, where either is missing.
 */
class BetterAuthClientEndToEndIntegrationTests {

    @Test
    void theBetterAuthClientWorksUnchangedThroughTheGateway() throws Exception {
        Path scripts = Path.of("src/test/node").toAbsolutePath();
        assumeTrue(Files.isDirectory(scripts.resolve("node_modules/better-auth")),
                "Better Auth client not installed: run `npm ci` in e2e-tests/src/test/node");
        assumeTrue(nodeAvailable(), "node is not installed");

        E2EPlatform platform = E2EPlatform.get();
        Process node = new ProcessBuilder("node", "better-auth-client.mjs", platform.gateway(), E2EPlatform.DASHBOARD_ORIGIN)
                .directory(scripts.toFile())
                .redirectErrorStream(true)
                .start();
        boolean finished = node.waitFor(3, TimeUnit.MINUTES);
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            node.destroyForcibly();
        }
        System.out.println(output);
        assertThat(finished).as("the client script finished").isTrue();
        assertThat(node.exitValue()).as(output).isZero();
        assertThat(output).contains("better-auth client: all checks passed");
    }

    private static boolean nodeAvailable() {
        try {
            Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            return version.waitFor(20, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
