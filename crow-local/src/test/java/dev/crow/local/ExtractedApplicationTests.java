package dev.crow.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractedApplicationTests {

    @TempDir
    Path directory;

    @Test
    void aRebuildWithTheSameContentHasTheSameFingerprint() throws IOException {
        Path first = jar("first.jar", "application.yml", "port: 8081", 1_000_000L);
        Path rebuilt = jar("rebuilt.jar", "application.yml", "port: 8081", 2_000_000_000L);

        assertThat(ExtractedApplication.fingerprint(rebuilt)).isEqualTo(ExtractedApplication.fingerprint(first));
    }

    @Test
    void changedContentChangesTheFingerprint() throws IOException {
        Path first = jar("first.jar", "application.yml", "port: 8081", 1_000_000L);
        Path changed = jar("changed.jar", "application.yml", "port: 8082", 1_000_000L);

        assertThat(ExtractedApplication.fingerprint(changed)).isNotEqualTo(ExtractedApplication.fingerprint(first));
    }

    @Test
    void aJarSpringBootCannotUnpackRunsAsItIs() throws IOException {
        Path plain = jar("plain.jar", "readme.txt", "not a Spring Boot jar", 1_000_000L);

        assertThat(ExtractedApplication.prepare(plain, directory.resolve("app"), JavaRuntime.current())).isEmpty();
    }

    @Test
    void theArchiveIsUsedOnlyWhereDynamicArchivesExist() {
        Path app = directory.resolve("app");

        assertThat(ExtractedApplication.archiveOptions(app, new JavaRuntime(Path.of("java"), 17))).isEmpty();
        List<String> options = ExtractedApplication.archiveOptions(app, new JavaRuntime(Path.of("java"), 25));
        assertThat(options).contains("-XX:SharedArchiveFile=" + app.resolve("classes.jsa"), "-XX:+AutoCreateSharedArchive");
        assertThat(ExtractedApplication.writesArchiveOnExit(app, new JavaRuntime(Path.of("java"), 25))).isTrue();
    }

    private Path jar(String name, String entry, String content, long modifiedMillis) throws IOException {
        Path jar = directory.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            JarEntry jarEntry = new JarEntry(entry);
            jarEntry.setLastModifiedTime(FileTime.fromMillis(modifiedMillis));
            out.putNextEntry(jarEntry);
            out.write(content.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }
}
