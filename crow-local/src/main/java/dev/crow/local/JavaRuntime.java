package dev.crow.local;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM services run on: {@code CROW_JAVA} (a java executable or a JDK home) if set, else the
 * newest JDK of release 21 or later under the usual install directories (virtual threads), else
 * the JVM running the launcher. The code is compiled for release 17, so any of them runs it.
 *
 * @param executable the {@code java} binary
 * @param feature    its feature release, e.g. 25
 */
record JavaRuntime(Path executable, int feature) {

    static final int VIRTUAL_THREADS = 21;
    private static final List<Path> INSTALL_DIRECTORIES = List.of(
            Path.of("/usr/lib/jvm"), Path.of("/usr/java"), Path.of("/opt/java"),
            Path.of("/Library/Java/JavaVirtualMachines"));
    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    static JavaRuntime forServices() {
        String configured = System.getenv("CROW_JAVA");
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured.trim());
            Path executable = Files.isDirectory(path) ? path.resolve("bin").resolve("java") : path;
            Path home = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent().getParent();
            return new JavaRuntime(executable, releaseOf(home).orElse(0));
        }
        JavaRuntime current = current();
        return newestInstalled().filter(found -> found.feature() >= VIRTUAL_THREADS && found.feature() > current.feature())
                .orElse(current);
    }

    static JavaRuntime current() {
        Path home = Path.of(System.getProperty("java.home"));
        return new JavaRuntime(home.resolve("bin").resolve("java"), Runtime.version().feature());
    }

    static Optional<JavaRuntime> newestInstalled() {
        List<JavaRuntime> found = new ArrayList<>();
        for (Path directory : INSTALL_DIRECTORIES) {
            if (!Files.isDirectory(directory)) {
                continue;
            }
            try (DirectoryStream<Path> homes = Files.newDirectoryStream(directory)) {
                for (Path home : homes) {
                    Path jdk = Files.isDirectory(home.resolve("Contents/Home")) ? home.resolve("Contents/Home") : home;
                    Path executable = jdk.resolve("bin").resolve("java");
                    if (Files.isExecutable(executable)) {
                        releaseOf(jdk).ifPresent(feature -> found.add(new JavaRuntime(executable, feature)));
                    }
                }
            } catch (IOException e) {
                // an unreadable install directory just contributes no candidates
            }
        }
        return found.stream().max((a, b) -> Integer.compare(a.feature(), b.feature()));
    }

    /** The feature release from a JDK's {@code release} file. */
    static Optional<Integer> releaseOf(Path home) {
        try {
            Matcher matcher = JAVA_VERSION.matcher(Files.readString(home.resolve("release")));
            if (matcher.find()) {
                String major = matcher.group(1);
                return Optional.of(Integer.parseInt(major.equals("1") ? "8" : major));
            }
        } catch (IOException | RuntimeException e) {
            // not a JDK home, or an unreadable one
        }
        return Optional.empty();
    }
}
