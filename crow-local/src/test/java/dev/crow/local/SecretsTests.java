package dev.crow.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTests {

    @TempDir
    Path dataDirectory;

    @Test
    void generatesEverySecretOnceInAnOwnerOnlyFile() throws Exception {
        Secrets secrets = Secrets.loadOrCreate(dataDirectory, List.of("auth", "products"));

        Path file = dataDirectory.resolve("secrets.properties");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(secrets.generatedAny()).isTrue();
        assertThat(List.of(secrets.cookieSecret(), secrets.signingKeySecret(), secrets.serviceKey(),
                secrets.postgresAdminPassword(), secrets.databasePassword("auth"), secrets.databasePassword("products")))
                .doesNotHaveDuplicates()
                .allSatisfy(secret -> assertThat(Base64.getUrlDecoder().decode(secret)).hasSize(32));
    }

    @Test
    void reusesTheSecretsOnTheNextStart() throws Exception {
        Secrets first = Secrets.loadOrCreate(dataDirectory, List.of("auth"));
        String file = Files.readString(dataDirectory.resolve("secrets.properties"));

        Secrets second = Secrets.loadOrCreate(dataDirectory, List.of("auth"));

        assertThat(second.generatedAny()).isFalse();
        assertThat(second.cookieSecret()).isEqualTo(first.cookieSecret());
        assertThat(second.databasePassword("auth")).isEqualTo(first.databasePassword("auth"));
        assertThat(Files.readString(dataDirectory.resolve("secrets.properties"))).isEqualTo(file);
    }

    @Test
    void addsPasswordsForNewSchemasWithoutChangingTheOthers() {
        Secrets first = Secrets.loadOrCreate(dataDirectory, List.of("auth"));

        Secrets second = Secrets.loadOrCreate(dataDirectory, List.of("auth", "billing"));

        assertThat(second.generated(Secrets.DATABASE_PASSWORD_PREFIX + "billing")).isTrue();
        assertThat(second.generated(Secrets.SERVICE_KEY)).isFalse();
        assertThat(second.serviceKey()).isEqualTo(first.serviceKey());
        assertThat(second.databasePassword("billing")).isNotBlank();
    }

    @Test
    void tightensAFileOthersCouldRead() throws Exception {
        Secrets.loadOrCreate(dataDirectory, List.of("auth"));
        Path file = dataDirectory.resolve("secrets.properties");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        Secrets.loadOrCreate(dataDirectory, List.of("auth"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
