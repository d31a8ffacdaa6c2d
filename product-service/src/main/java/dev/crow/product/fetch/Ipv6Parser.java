package dev.crow.product.fetch;

/**
 * Parses IPv6 literal text into its 16 bytes. The JDK's own parser turns {@code ::ffff:a.b.c.d}
 * into an IPv4 address, which would hide the mapped form from the range checks.
 */
final class Ipv6Parser {

    private Ipv6Parser() {
    }

    /** The address bytes, or {@code null} when the text is not a valid IPv6 literal. */
    static byte[] parse(String text) {
        if (text.isEmpty() || text.length() > 45) {
            return null;
        }
        int[] groups = new int[8];
        int count = 0;
        int gap = -1;
        String rest = text;
        if (rest.startsWith("::")) {
            gap = 0;
            rest = rest.substring(2);
        } else if (rest.startsWith(":")) {
            return null;
        }
        if (rest.isEmpty()) {
            return gap == 0 ? new byte[16] : null;
        }
        String[] parts = rest.split(":", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty()) {
                if (gap >= 0 || i == parts.length - 1) {
                    return null;
                }
                gap = count;
                continue;
            }
            if (part.indexOf('.') >= 0) {
                if (i != parts.length - 1 || count > 6) {
                    return null;
                }
                int[] v4 = ipv4(part);
                if (v4 == null) {
                    return null;
                }
                groups[count++] = (v4[0] << 8) | v4[1];
                groups[count++] = (v4[2] << 8) | v4[3];
                continue;
            }
            if (part.length() > 4 || count >= 8) {
                return null;
            }
            try {
                groups[count++] = Integer.parseInt(part, 16);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (gap < 0 && count != 8) {
            return null;
        }
        if (gap >= 0 && count > 7) {
            return null;
        }
        int[] full = new int[8];
        if (gap >= 0) {
            int tail = count - gap;
            System.arraycopy(groups, 0, full, 0, gap);
            System.arraycopy(groups, gap, full, 8 - tail, tail);
        } else {
            full = groups;
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[2 * i] = (byte) (full[i] >> 8);
            bytes[2 * i + 1] = (byte) full[i];
        }
        return bytes;
    }

    private static int[] ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        int[] out = new int[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
                return null;
            }
            for (int j = 0; j < p.length(); j++) {
                if (!Character.isDigit(p.charAt(j))) {
                    return null;
                }
            }
            out[i] = Integer.parseInt(p);
            if (out[i] > 255) {
                return null;
            }
        }
        return out;
    }
}
