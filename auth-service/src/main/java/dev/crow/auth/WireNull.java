package dev.crow.auth;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.node.NullNode;

/**
 * A 200 whose JSON body is the literal {@code null}, which Better Auth answers for "no session"
 * and "no active organization". A plain null body would be an empty response instead.
 */
public final class WireNull {

    private WireNull() {
    }

    public static ResponseEntity<Object> ok() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.APPLICATION_JSON)
                .body(NullNode.getInstance());
    }
}
