package dev.crow.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaRuntimeTests {

    @Test
    void readsTheFeatureReleaseOfAJdkHome(@TempDir Path home) throws Exception {
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.1\"\n");

        assertThat(JavaRuntime.releaseOf(home)).contains(25);
    }

    @Test
    void oldVersionSchemeMeansEight(@TempDir Path home) throws Exception {
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"1.8.0_412\"\n");

        assertThat(JavaRuntime.releaseOf(home)).contains(8);
    }

    @Test
    void aDirectoryWithoutReleaseFileIsNoJdk(@TempDir Path home) {
        assertThat(JavaRuntime.releaseOf(home)).isEmpty();
    }

    @Test
    void servicesRunOnNoOlderJvmThanTheLaunchersOwn() {
        JavaRuntime chosen = JavaRuntime.forServices();

        assertThat(Files.isExecutable(chosen.executable())).isTrue();
        if (System.getenv("CROW_JAVA") == null) {
            assertThat(chosen.feature()).isGreaterThanOrEqualTo(Runtime.version().feature());
        }
    }
}
