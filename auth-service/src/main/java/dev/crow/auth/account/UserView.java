package dev.crow.auth.account;

import java.time.Instant;

/** Better Auth's user object: exactly these fields, nothing about credentials. */
public record UserView(
        String id,
        String name,
        String email,
        boolean emailVerified,
        String image,
        Instant createdAt,
        Instant updatedAt) {

    public static UserView of(User user) {
        return new UserView(user.getId().toString(), user.getName(), user.getEmail(), user.isEmailVerified(),
                user.getImage(), user.getCreatedAt(), user.getUpdatedAt());
    }
}
