package dev.crow.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalObjectStoreTests {

    @TempDir
    Path root;

    @Test
    void storesReadsReplacesAndDeletesObjects() {
        LocalObjectStore store = new LocalObjectStore(root);
        store.put("profile-pictures/u1/a.png", bytes("first"), "image/png");
        store.put("profile-pictures/u1/a.png", bytes("second"), "image/jpeg");

        StoredObject object = store.get("profile-pictures/u1/a.png").orElseThrow();
        assertThat(new String(object.content(), StandardCharsets.UTF_8)).isEqualTo("second");
        assertThat(object.contentType()).isEqualTo("image/jpeg");
        assertThat(store.exists("profile-pictures/u1/a.png")).isTrue();

        store.delete("profile-pictures/u1/a.png");
        assertThat(store.exists("profile-pictures/u1/a.png")).isFalse();
        assertThat(store.get("profile-pictures/u1/a.png")).isEmpty();
        store.delete("profile-pictures/u1/a.png");
    }

    @Test
    void missingObjectIsEmptyNotAnError() {
        assertThat(new LocalObjectStore(root).get("nothing/here")).isEmpty();
    }

    @Test
    void keysThatCouldLeaveTheRootAreRejected() throws Exception {
        Path outside = Files.writeString(root.resolveSibling(root.getFileName() + "-secret.txt"), "secret");
        LocalObjectStore store = new LocalObjectStore(root.resolve("store"));
        for (String key : new String[] {"../" + outside.getFileName(), "a/../../b", "/etc/passwd", "a//b", "a\\b",
                ".hidden", "a/./b", "", "a/", "..", "a/..b/c", "x".repeat(513), "a b", "%2e%2e/x"}) {
            assertThatThrownBy(() -> store.get(key)).as(key).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.put(key, bytes("x"), "text/plain")).as(key)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(Files.readString(outside)).isEqualTo("secret");
    }

    @Test
    void safeKeysAreSlashSeparatedPlainSegments() {
        assertThat(ObjectKeys.isSafe("profile-pictures/8a7b/3f.png")).isTrue();
        assertThat(ObjectKeys.isSafe("A_1.b-c")).isTrue();
        assertThat(ObjectKeys.isSafe("a/../b")).isFalse();
        assertThat(ObjectKeys.isSafe(null)).isFalse();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
