package dev.crow.platform.storage;

import java.util.Optional;

/**
 * Where a service keeps files (profile pictures, product images): the local filesystem by
 * default, an S3-compatible bucket (R2, MinIO, S3) with {@code crow.platform.storage.type=s3}.
 * Keys are slash-separated segments of letters, digits, {@code .}, {@code _} and {@code -}
 * ({@link ObjectKeys}); anything else is rejected before it reaches the store.
 */
public interface ObjectStore {

    /** Stores {@code content} under {@code key}, replacing what was there. */
    void put(String key, byte[] content, String contentType);

    Optional<StoredObject> get(String key);

    /** Removes the object; nothing happens when there is none. */
    void delete(String key);

    boolean exists(String key);
}
