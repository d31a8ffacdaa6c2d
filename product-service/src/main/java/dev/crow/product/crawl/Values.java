package dev.crow.product.crawl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/** Normalisation shared by the three markup readers: text, prices, currencies, availability. */
final class Values {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern CATEGORY_SEPARATORS = Pattern.compile("\\s*(?:>|/|»|\\|)\\s*");

    private Values() {
    }

    /** Plain text: tags stripped, entities decoded, whitespace collapsed, length capped. */
    static String text(String value, int maxLength) {
        if (value == null) {
            return null;
        }
        String plain = value.indexOf('<') >= 0 || value.indexOf('&') >= 0 ? Jsoup.parse(value).text() : value;
        plain = plain.replaceAll("\\s+", " ").strip();
        if (plain.isEmpty()) {
            return null;
        }
        return plain.length() > maxLength ? plain.substring(0, maxLength).strip() : plain;
    }

    /**
     * A price from "1299", "1,299.00", "1.299,00", "$ 12.99" or "12,5 €". When both separators
     * occur the last one is the decimal point; a lone comma followed by one or two digits is one.
     */
    static BigDecimal price(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.replaceAll("[^0-9.,-]", "");
        if (s.isEmpty() || s.equals("-")) {
            return null;
        }
        int comma = s.lastIndexOf(',');
        int dot = s.lastIndexOf('.');
        if (comma >= 0 && dot >= 0) {
            s = comma > dot ? s.replace(".", "").replace(',', '.') : s.replace(",", "");
        } else if (comma >= 0) {
            int decimals = s.length() - comma - 1;
            s = (decimals == 1 || decimals == 2) && s.indexOf(',') == comma ? s.replace(',', '.') : s.replace(",", "");
        } else if (dot >= 0 && s.indexOf('.') != dot) {
            s = s.replace(".", "");
        }
        try {
            BigDecimal price = new BigDecimal(s);
            return price.signum() < 0 || price.precision() - price.scale() > 12 ? null : price;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String currency(String raw) {
        if (raw == null) {
            return null;
        }
        String code = raw.strip().toUpperCase(Locale.ROOT);
        return CURRENCY.matcher(code).matches() ? code : null;
    }

    /** "https://schema.org/InStock", "InStock", "in stock", "instock" all become {@code in_stock}. */
    static String availability(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String last = raw.strip();
        last = last.substring(last.lastIndexOf('/') + 1);
        last = last.substring(last.lastIndexOf(':') + 1);
        String compact = last.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
        return switch (compact) {
            case "instock", "available" -> "in_stock";
            case "outofstock", "oos", "soldout", "unavailable" -> "out_of_stock";
            case "preorder" -> "pre_order";
            case "backorder", "availablefororder" -> "back_order";
            case "limitedavailability" -> "limited_availability";
            case "discontinued" -> "discontinued";
            case "onlineonly" -> "online_only";
            case "instoreonly" -> "in_store_only";
            case "presale" -> "pre_sale";
            case "madetoorder" -> "made_to_order";
            case "reserved" -> "reserved";
            default -> null;
        };
    }

    /** Categories from a list or from breadcrumb-like strings ("Shoes > Running"). */
    static List<String> categories(List<String> raw) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String value : raw) {
            if (value == null) {
                continue;
            }
            String plain = text(value, 500);
            if (plain == null || plain.startsWith("http")) {
                continue;
            }
            for (String part : CATEGORY_SEPARATORS.split(plain)) {
                if (!part.isBlank() && part.length() <= 100) {
                    out.add(part.strip());
                }
            }
        }
        return new ArrayList<>(out).subList(0, Math.min(out.size(), 10));
    }

    static String identifier(String raw) {
        String value = text(raw, 100);
        return value == null ? null : value.replaceAll("\\s", "");
    }

    static String gtin(String raw) {
        String digits = raw == null ? null : raw.replaceAll("[^0-9]", "");
        return digits == null || digits.length() < 8 || digits.length() > 14 ? null : digits;
    }
}
