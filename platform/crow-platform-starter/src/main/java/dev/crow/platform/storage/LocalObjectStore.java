package dev.crow.platform.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Objects as files under one directory: content in {@code objects/<key>}, content type in
 * {@code types/<key>}. Writes go to a temporary file first and are moved into place, so a reader
 * never sees half an object. Directories are created on the first write. Besides {@link ObjectKeys}, every resolved path is checked to stay
 * inside the root.
 */
public class LocalObjectStore implements ObjectStore {

    private final Path objects;
    private final Path types;

    public LocalObjectStore(Path root) {
        Path base = root.toAbsolutePath().normalize();
        this.objects = base.resolve("objects");
        this.types = base.resolve("types");
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        try {
            write(resolve(objects, key), content);
            write(resolve(types, key), contentType.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store object", e);
        }
    }

    @Override
    public Optional<StoredObject> get(String key) {
        Path file = resolve(objects, key);
        try {
            byte[] content = Files.readAllBytes(file);
            Path type = resolve(types, key);
            String contentType = Files.exists(type)
                    ? Files.readString(type, StandardCharsets.UTF_8) : "application/octet-stream";
            return Optional.of(new StoredObject(key, content, contentType));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read object", e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(resolve(objects, key));
            Files.deleteIfExists(resolve(types, key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete object", e);
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(resolve(objects, key));
    }

    private static Path resolve(Path root, String key) {
        Path path = root.resolve(ObjectKeys.requireSafe(key)).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("unsafe object key");
        }
        return path;
    }

    private static void write(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
        try {
            Files.write(temporary, bytes);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
