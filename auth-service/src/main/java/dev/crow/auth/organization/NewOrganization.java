package dev.crow.auth.organization;

import dev.crow.auth.DisplayNames;
import dev.crow.platform.error.CrowException;
import java.util.Locale;
import java.util.regex.Pattern;

/** A validated organization/create request. */
record NewOrganization(String name, String slug, String logo) {

    private static final Pattern SLUG = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$");

    static NewOrganization of(String name, String slug, String logo) {
        String trimmedName = DisplayNames.require(name, 100, "name");
        String normalizedSlug = normalizeSlug(slug);
        if (!isSlug(normalizedSlug)) {
            throw CrowException.invalid("slug");
        }
        String trimmedLogo = logo == null || logo.isBlank() ? null : logo.strip();
        if (trimmedLogo != null && (trimmedLogo.length() > 2048 || trimmedLogo.chars().anyMatch(Character::isISOControl)
                || !(trimmedLogo.startsWith("https://") || trimmedLogo.startsWith("http://")))) {
            throw CrowException.invalid("logo");
        }
        return new NewOrganization(trimmedName, normalizedSlug, trimmedLogo);
    }

    static String normalizeSlug(String slug) {
        return slug == null ? "" : slug.strip().toLowerCase(Locale.ROOT);
    }

    static boolean isSlug(String value) {
        return SLUG.matcher(value).matches();
    }
}
