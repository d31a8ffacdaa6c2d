package dev.crow.local;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The checkout whose modules' {@code target} directories hold the service jars: three levels
 * above {@code crow-local/target/crow-local.jar} (or {@code crow-local/target/classes}), else the
 * nearest directory at or above the working directory that looks like the checkout (a test in
 * another module, with this jar taken from the local Maven repository), else the working directory.
 */
final class RepositoryRoot {

    private RepositoryRoot() {
    }

    static Path find() {
        Path workingDirectory = Path.of("").toAbsolutePath();
        return fromCodeSource().or(() -> enclosing(workingDirectory)).orElse(workingDirectory);
    }

    private static Optional<Path> fromCodeSource() {
        try {
            Path location = Path.of(Platform.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path module = location.getParent() == null ? null : location.getParent().getParent();
            if (module != null && module.getParent() != null && isCheckout(module.getParent())) {
                return Optional.of(module.getParent());
            }
        } catch (URISyntaxException | RuntimeException e) {
            // no code source (unusual class loader): look from the working directory instead
        }
        return Optional.empty();
    }

    static Optional<Path> enclosing(Path start) {
        for (Path directory = start; directory != null; directory = directory.getParent()) {
            if (isCheckout(directory)) {
                return Optional.of(directory);
            }
        }
        return Optional.empty();
    }

    private static boolean isCheckout(Path directory) {
        return Files.exists(directory.resolve("pom.xml")) && Files.isDirectory(directory.resolve("crow-local"));
    }
}
