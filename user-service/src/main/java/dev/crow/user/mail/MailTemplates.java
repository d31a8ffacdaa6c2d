package dev.crow.user.mail;

import dev.crow.platform.error.CrowException;
import dev.crow.user.UserProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The named mail templates ({@code templates/mail/<name>.txt|.html}, the text's first line being
 * {@code Subject: …}) and a renderer that only substitutes {@code {{name}}} placeholders: values
 * are HTML-escaped in the HTML part, stripped of line breaks in the subject, every placeholder
 * must be given, and values for {@code …Url} placeholders must be links into the CROW app.
 */
@Component
class MailTemplates {

    /** Templates whose links carry one-time tokens: their bodies are not kept after sending. */
    static final Set<String> SENSITIVE = Set.of("invitation", "password-reset", "email-verification");
    static final Set<String> NAMES = Set.of("invitation", "welcome", "password-reset", "email-verification");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z][A-Za-z0-9]{0,39})}}");
    private static final int MAX_VALUE_LENGTH = 2000;

    private final Map<String, Template> templates = new LinkedHashMap<>();
    private final String appUrl;
    /** The platform's own public URL: auth-service's reset and verification links point at it. */
    private final String platformUrl;

    MailTemplates(UserProperties properties) {
        this.appUrl = properties.mail().appUrl().replaceAll("/+$", "");
        this.platformUrl = properties.publicBaseUrl().toString().replaceAll("/+$", "");
        for (String name : NAMES) {
            String text = read("templates/mail/" + name + ".txt");
            int firstLine = text.indexOf('\n');
            if (!text.startsWith("Subject: ") || firstLine < 0) {
                throw new IllegalStateException("mail template " + name + ".txt must start with a Subject: line");
            }
            templates.put(name, new Template(text.substring("Subject: ".length(), firstLine).strip(),
                    text.substring(firstLine + 1), read("templates/mail/" + name + ".html")));
        }
    }

    private record Template(String subject, String text, String html) {
    }

    RenderedMail render(String name, Map<String, Object> data) {
        Template template = templates.get(name);
        if (template == null) {
            throw CrowException.invalid("template");
        }
        Map<String, String> values = values(data == null ? Map.of() : data);
        return new RenderedMail(name,
                substitute(template.subject(), values, value -> value.replaceAll("[\\r\\n\\t]+", " ")),
                substitute(template.text(), values, value -> value),
                substitute(template.html(), values, HtmlUtils::htmlEscape),
                SENSITIVE.contains(name));
    }

    private Map<String, String> values(Map<String, Object> data) {
        Map<String, String> values = new LinkedHashMap<>();
        data.forEach((key, value) -> {
            if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                throw CrowException.invalid("data." + safe(key));
            }
            String text = String.valueOf(value);
            if (text.length() > MAX_VALUE_LENGTH) {
                throw CrowException.invalid("data." + safe(key));
            }
            if (key.endsWith("Url") && !(under(text, appUrl) || under(text, platformUrl))) {
                throw CrowException.invalid("data." + safe(key));
            }
            values.put(key, text);
        });
        return values;
    }

    private static boolean under(String url, String base) {
        return url.equals(base) || url.startsWith(base + "/") || url.startsWith(base + "?");
    }

    private static String substitute(String template, Map<String, String> values,
            java.util.function.UnaryOperator<String> escape) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw CrowException.invalid("data." + matcher.group(1));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(escape.apply(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String safe(String key) {
        return key.matches("[A-Za-z0-9]{1,40}") ? key : "key";
    }

    private static String read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("missing mail template " + path, e);
        }
    }
}
