package dev.crow.platform.storage;

import java.util.regex.Pattern;

/**
 * The one rule for object keys, shared by every store so that a key means the same on disk and
 * in a bucket: 1–512 characters of slash-separated segments, each starting with a letter or
 * digit and made of letters, digits, {@code .}, {@code _} and {@code -}. No empty segments,
 * no {@code .}/{@code ..}, no backslashes, no absolute paths: nothing can leave the store's root.
 */
public final class ObjectKeys {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final int MAX_LENGTH = 512;

    private ObjectKeys() {
    }

    public static boolean isSafe(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_LENGTH) {
            return false;
        }
        for (String segment : key.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.contains("..")) {
                return false;
            }
        }
        return true;
    }

    /** {@code key}, or an {@link IllegalArgumentException} that does not echo it. */
    public static String requireSafe(String key) {
        if (!isSafe(key)) {
            throw new IllegalArgumentException("unsafe object key");
        }
        return key;
    }
}
