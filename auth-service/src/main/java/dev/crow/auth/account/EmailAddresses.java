package dev.crow.auth.account;

import dev.crow.platform.error.CrowException;
import dev.crow.platform.error.ErrorKind;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What counts as an email address here, and which ones may sign up. CROW serves businesses,
 * so addresses at consumer mail providers are refused at sign-up; a business that has no
 * domain of its own is not the audience.
 */
public final class EmailAddresses {

    private static final Pattern SHAPE = Pattern.compile(
            "^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$");

    /** Exact consumer domains. */
    private static final Set<String> CONSUMER_DOMAINS = Set.of(
            "gmail.com", "googlemail.com", "outlook.com", "live.com", "msn.com", "passport.com",
            "icloud.com", "me.com", "mac.com", "aol.com", "aim.com", "proton.me", "protonmail.com",
            "protonmail.ch", "pm.me", "mail.com", "zoho.com", "zohomail.com", "ymail.com", "rocketmail.com",
            "tutanota.com", "tutanota.de", "tuta.io", "tuta.com", "fastmail.com", "fastmail.fm", "hey.com",
            "duck.com", "hushmail.com", "mailfence.com", "posteo.de", "mailbox.org", "qq.com", "163.com",
            "126.com", "sina.com", "mail.ru", "inbox.ru", "list.ru", "bk.ru", "rambler.ru", "web.de",
            "t-online.de", "freenet.de", "orange.fr", "wanadoo.fr", "free.fr", "laposte.net", "sfr.fr",
            "libero.it", "virgilio.it", "tiscali.it", "comcast.net", "verizon.net", "att.net",
            "sbcglobal.net", "bellsouth.net", "cox.net", "earthlink.net", "charter.net", "btinternet.com",
            "sky.com", "rediffmail.com", "seznam.cz", "wp.pl", "o2.pl", "interia.pl", "onet.pl",
            "naver.com", "daum.net", "hanmail.net", "inbox.com", "email.com", "usa.com", "gmx.com",
            "mailinator.com", "guerrillamail.com", "10minutemail.com", "yopmail.com", "temp-mail.org",
            "live.co.uk", "live.fr", "live.de", "live.nl", "live.it", "live.ca", "live.com.au", "live.be",
            "live.se", "live.dk", "live.no", "live.ie", "live.at", "live.com.mx", "live.cn", "windowslive.com");

    /** Providers with one domain per country ({@code yahoo.co.uk}, {@code hotmail.fr}, {@code gmx.de}). */
    private static final Set<String> CONSUMER_BRANDS = Set.of(
            "yahoo", "hotmail", "gmx", "yandex", "outlook");

    /** What may follow a brand: a top-level domain, optionally behind a generic second level. */
    private static final Pattern COUNTRY_SUFFIX = Pattern.compile("^(?:(?:co|com|ne|net|or|org)\\.)?[a-z]{2,3}$");

    private EmailAddresses() {
    }

    /** Trimmed and lower-cased; 400 {@code VALIDATION_ERROR} unless it is shaped like an address. */
    public static String normalize(String email) {
        if (email == null) {
            throw CrowException.invalid("email");
        }
        String normalized = email.trim().toLowerCase(Locale.ROOT);
        if (normalized.length() > 254 || normalized.indexOf('@') > 64 || !SHAPE.matcher(normalized).matches()) {
            throw CrowException.invalid("email");
        }
        return normalized;
    }

    /** 400 {@code CONSUMER_EMAIL_DOMAIN} for addresses at consumer mail providers. */
    static void requireBusinessDomain(String normalizedEmail) {
        if (isConsumerDomain(normalizedEmail.substring(normalizedEmail.lastIndexOf('@') + 1))) {
            throw new CrowException(ErrorKind.VALIDATION, "CONSUMER_EMAIL_DOMAIN",
                    "Please sign up with your business email address; consumer email domains are not accepted");
        }
    }

    static boolean isConsumerDomain(String domain) {
        String value = domain.toLowerCase(Locale.ROOT);
        if (CONSUMER_DOMAINS.contains(value)) {
            return true;
        }
        int dot = value.indexOf('.');
        return dot > 0
                && CONSUMER_BRANDS.contains(value.substring(0, dot))
                && COUNTRY_SUFFIX.matcher(value.substring(dot + 1)).matches();
    }
}
