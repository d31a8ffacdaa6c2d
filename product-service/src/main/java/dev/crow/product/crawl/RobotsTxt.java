package dev.crow.product.crawl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules of a site's robots.txt (RFC 9309) for our user agent: the most specific matching
 * group, longest-match Allow/Disallow with {@code *} and {@code $}, Crawl-delay, and Sitemap lines.
 */
final class RobotsTxt {

    private record Rule(String pattern, boolean allow) {
    }

    private final List<Rule> rules;
    private final Duration crawlDelay;
    private final List<String> sitemaps;

    private RobotsTxt(List<Rule> rules, Duration crawlDelay, List<String> sitemaps) {
        this.rules = rules;
        this.crawlDelay = crawlDelay;
        this.sitemaps = sitemaps;
    }

    static RobotsTxt allowAll() {
        return new RobotsTxt(List.of(), Duration.ZERO, List.of());
    }

    /** What a server error answer means: stay away until it answers properly (RFC 9309 §2.3.1.4). */
    static RobotsTxt disallowAll() {
        return new RobotsTxt(List.of(new Rule("/", false)), Duration.ZERO, List.of());
    }

    static RobotsTxt parse(String text, String userAgent) {
        String agent = userAgent.toLowerCase(Locale.ROOT);
        String token = agent.contains("/") ? agent.substring(0, agent.indexOf('/')) : agent;
        List<Rule> specific = new ArrayList<>();
        List<Rule> wildcard = new ArrayList<>();
        Duration specificDelay = null;
        Duration wildcardDelay = null;
        boolean matchedSpecific = false;
        List<String> sitemaps = new ArrayList<>();

        List<String> groupAgents = new ArrayList<>();
        boolean inRules = false;
        for (String rawLine : text.split("\\r?\\n|\\r")) {
            String line = rawLine.contains("#") ? rawLine.substring(0, rawLine.indexOf('#')) : rawLine;
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String field = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (field) {
                case "user-agent" -> {
                    if (inRules) {
                        groupAgents.clear();
                        inRules = false;
                    }
                    groupAgents.add(value.toLowerCase(Locale.ROOT));
                }
                case "allow", "disallow" -> {
                    inRules = true;
                    if (value.isEmpty()) {
                        continue;
                    }
                    Rule rule = new Rule(value, field.equals("allow"));
                    if (groupAgents.contains(token)) {
                        specific.add(rule);
                        matchedSpecific = true;
                    } else if (groupAgents.contains("*")) {
                        wildcard.add(rule);
                    }
                }
                case "crawl-delay" -> {
                    inRules = true;
                    Duration delay = delay(value);
                    if (groupAgents.contains(token)) {
                        specificDelay = delay;
                        matchedSpecific = true;
                    } else if (groupAgents.contains("*")) {
                        wildcardDelay = delay;
                    }
                }
                case "sitemap" -> sitemaps.add(value);
                default -> {
                    // other fields (Host, Clean-param, …) do not concern us
                }
            }
            if (field.equals("user-agent") && groupAgents.contains(token)) {
                matchedSpecific = true;
            }
        }
        List<Rule> rules = matchedSpecific ? specific : wildcard;
        Duration delay = matchedSpecific ? specificDelay : wildcardDelay;
        return new RobotsTxt(List.copyOf(rules), delay == null ? Duration.ZERO : delay, List.copyOf(sitemaps));
    }

    boolean allows(String pathAndQuery) {
        Rule best = null;
        for (Rule rule : rules) {
            if (matches(rule.pattern, pathAndQuery)
                    && (best == null || rule.pattern.length() > best.pattern.length()
                    || (rule.pattern.length() == best.pattern.length() && rule.allow))) {
                best = rule;
            }
        }
        return best == null || best.allow;
    }

    Duration crawlDelay() {
        return crawlDelay;
    }

    List<String> sitemaps() {
        return sitemaps;
    }

    private static boolean matches(String pattern, String path) {
        boolean anchored = pattern.endsWith("$");
        String p = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
        return match(p, 0, path, 0, anchored);
    }

    private static boolean match(String p, int pi, String s, int si, boolean anchored) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = si; k <= s.length(); k++) {
                    if (match(p, pi + 1, s, k, anchored)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length() || s.charAt(si) != c) {
                return false;
            }
            pi++;
            si++;
        }
        return !anchored || si == s.length();
    }

    private static Duration delay(String value) {
        try {
            double seconds = Double.parseDouble(value);
            return seconds <= 0 ? Duration.ZERO : Duration.ofMillis((long) (seconds * 1000));
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }
}
