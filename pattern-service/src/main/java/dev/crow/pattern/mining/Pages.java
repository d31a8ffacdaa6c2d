package dev.crow.pattern.mining;

/**
 * A page is a URL's path: scheme, host, query and fragment are not part of it, nor a trailing
 * slash, so {@code https://shop.example/a/?utm=x} and {@code /a} are the same page.
 */
final class Pages {

    private static final int MAX_LENGTH = 300;

    private Pages() {
    }

    static String path(String url) {
        if (url == null || url.isEmpty()) {
            return null;
        }
        int start = 0;
        int scheme = url.indexOf("://");
        if (scheme > 0 && scheme < 10) {
            int slash = url.indexOf('/', scheme + 3);
            if (slash < 0) {
                return "/";
            }
            start = slash;
        }
        int end = url.length();
        for (int i = start; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        while (end - start > 1 && url.charAt(end - 1) == '/') {
            end--;
        }
        String path = url.substring(start, Math.min(end, start + MAX_LENGTH));
        return path.isEmpty() ? "/" : path;
    }
}
