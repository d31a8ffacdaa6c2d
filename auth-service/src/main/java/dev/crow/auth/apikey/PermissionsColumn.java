package dev.crow.auth.apikey;

import dev.crow.platform.security.Permission;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A key's permissions as comma-separated wire names ({@code interactions:ingest,patterns}). */
@Converter
class PermissionsColumn implements AttributeConverter<Set<Permission>, String> {

    @Override
    public String convertToDatabaseColumn(Set<Permission> permissions) {
        return permissions.stream().sorted().map(Permission::wireName).collect(Collectors.joining(","));
    }

    @Override
    public Set<Permission> convertToEntityAttribute(String value) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        if (value != null && !value.isEmpty()) {
            // Names this version no longer knows grant nothing rather than failing the whole key.
            Arrays.stream(value.split(",")).map(Permission::fromWireName).flatMap(Optional::stream)
                    .forEach(permissions::add);
        }
        return permissions;
    }
}
