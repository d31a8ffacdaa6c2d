package dev.crow.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryRootTests {

    @Test
    void findsTheCheckoutFromAnyModuleBelowIt(@TempDir Path checkout) throws Exception {
        Files.writeString(checkout.resolve("pom.xml"), "<project/>");
        Files.createDirectories(checkout.resolve("crow-local"));
        Path e2e = Files.createDirectories(checkout.resolve("e2e-tests").resolve("src"));

        assertThat(RepositoryRoot.enclosing(e2e)).contains(checkout);
    }

    @Test
    void findsNothingOutsideACheckout(@TempDir Path elsewhere) {
        assertThat(RepositoryRoot.enclosing(elsewhere)).isEmpty();
    }

    @Test
    void thisBuildRunsInsideTheCheckout() {
        assertThat(RepositoryRoot.find().resolve("crow-local")).isDirectory();
    }
}
