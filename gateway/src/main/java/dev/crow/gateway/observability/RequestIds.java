package dev.crow.gateway.observability;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids: a client's own id is kept when it is short and harmless ({@code [A-Za-z0-9._-]{1,64}}),
 * otherwise the gateway makes one. Ids need to be unique, not secret, so a thread-local random source
 * is enough and keeps the hot path free of SecureRandom's lock.
 */
public final class RequestIds {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private RequestIds() {
    }

    public static boolean isAcceptable(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > 64) {
            return false;
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    public static String acceptOrGenerate(String candidate) {
        return isAcceptable(candidate) ? candidate : generate();
    }

    public static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[32];
        long high = random.nextLong();
        long low = random.nextLong();
        for (int i = 0; i < 16; i++) {
            id[i] = HEX[(int) (high >>> (60 - 4 * i)) & 0xF];
            id[16 + i] = HEX[(int) (low >>> (60 - 4 * i)) & 0xF];
        }
        return new String(id);
    }
}
