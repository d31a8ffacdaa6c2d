package dev.crow.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How one service is started: {@code java <jvm options> -jar <module>/target/<module>-…-exec.jar}
 * (run from its unpacked copy with a class-data archive when possible), or with arguments given
 * instead of {@code -jar …} (tests start small stand-ins that way).
 *
 * @param service       what is started
 * @param javaArguments what follows the JVM options on the command line
 * @param executableJar the module's jar, when started from one
 * @param appDirectory  the unpacked copy the jar runs from, when it could be unpacked
 */
record ServiceLaunch(ServiceDefinition service, List<String> javaArguments, Optional<Path> executableJar,
        Optional<Path> appDirectory) {

    /** Found when the module was built; empty when its jar does not exist (yet). */
    static Optional<ServiceLaunch> find(ServiceDefinition service, Path repositoryRoot, Map<String, List<String>> overrides) {
        List<String> override = overrides.get(service.name());
        if (override != null) {
            return Optional.of(new ServiceLaunch(service, List.copyOf(override), Optional.empty(), Optional.empty()));
        }
        return executableJar(repositoryRoot, service.module())
                .map(jar -> new ServiceLaunch(service, List.of("-jar", jar.toString()), Optional.of(jar), Optional.empty()));
    }

    /** The newest {@code <module>-<version>-exec.jar} the module's build produced. */
    static Optional<Path> executableJar(Path repositoryRoot, String module) {
        Path target = repositoryRoot.resolve(module).resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> {
                String name = file.getFileName().toString();
                return name.startsWith(module + "-") && name.endsWith("-exec.jar");
            }).max(Comparator.comparing(ServiceLaunch::modified));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether {@link #unpacked} has work to do: a jar that was never unpacked, or has changed since. */
    boolean needsUnpacking(Path dataDirectory) {
        return executableJar.map(jar -> !ExtractedApplication.isCurrent(jar, appDirectory(dataDirectory))).orElse(false);
    }

    /** This launch running from {@code <data-dir>/app/<service>}, or unchanged when there is no jar or it cannot be unpacked. */
    ServiceLaunch unpacked(Path dataDirectory, JavaRuntime java) {
        if (executableJar.isEmpty()) {
            return this;
        }
        Path directory = appDirectory(dataDirectory);
        return ExtractedApplication.prepare(executableJar.get(), directory, java)
                .map(jar -> new ServiceLaunch(service, List.of("-jar", jar.toString()), executableJar, Optional.of(directory)))
                .orElse(this);
    }

    private Path appDirectory(Path dataDirectory) {
        return dataDirectory.resolve("app").resolve(service.name());
    }

    boolean writesArchiveOnExit(JavaRuntime java) {
        return appDirectory.map(directory -> ExtractedApplication.writesArchiveOnExit(directory, java)).orElse(false);
    }

    List<String> command(JavaRuntime java, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(java.executable().toString());
        command.addAll(jvmOptions);
        appDirectory.ifPresent(directory -> command.addAll(ExtractedApplication.archiveOptions(directory, java)));
        command.addAll(javaArguments);
        return command;
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
