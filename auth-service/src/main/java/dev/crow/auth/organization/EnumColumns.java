package dev.crow.auth.organization;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/** Roles and tiers are stored as their lower-case wire names, readable in SQL and in Better Auth's format. */
final class EnumColumns {

    private EnumColumns() {
    }

    @Converter
    static class TierColumn implements AttributeConverter<Tier, String> {
        @Override
        public String convertToDatabaseColumn(Tier tier) {
            return tier == null ? null : tier.wireName();
        }

        @Override
        public Tier convertToEntityAttribute(String value) {
            return value == null ? null : Tier.valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    @Converter
    static class RoleColumn implements AttributeConverter<MemberRole, String> {
        @Override
        public String convertToDatabaseColumn(MemberRole role) {
            return role == null ? null : role.wireName();
        }

        @Override
        public MemberRole convertToEntityAttribute(String value) {
            return value == null ? null : MemberRole.valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
