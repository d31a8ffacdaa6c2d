package dev.crow.platform.storage;

/**
 * An object read back from an {@link ObjectStore}.
 *
 * @param key         its key
 * @param content     its bytes
 * @param contentType the content type it was stored with
 */
public record StoredObject(String key, byte[] content, String contentType) {
}
