package dev.crow.product.fetch;

import dev.crow.product.fetch.FetchException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * One HTTP/1.1 GET over a socket the fetcher has already connected to a checked address.
 * {@code Connection: close} keeps it simple: one request per connection, the body ends at the
 * declared length, the last chunk, or end of stream. Every read is bounded by the read timeout
 * and by the overall deadline; every body by a byte limit before and after decompression.
 */
final class HttpExchange {

    private static final int MAX_LINE = 16 * 1024;
    private static final int MAX_HEADER_LINES = 200;

    record Head(int status, Map<String, List<String>> headers) {

        String first(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final long deadlineNanos;
    private final long readTimeoutMillis;

    HttpExchange(Socket socket, long deadlineNanos, long readTimeoutMillis) throws IOException {
        this.socket = socket;
        this.deadlineNanos = deadlineNanos;
        this.readTimeoutMillis = readTimeoutMillis;
        this.in = new java.io.BufferedInputStream(new DeadlineInputStream(socket.getInputStream()), 8192);
    }

    void sendGet(TargetUrl url, String accept, String userAgent) throws IOException {
        String request = "GET " + url.pathAndQuery() + " HTTP/1.1\r\n"
                + "Host: " + url.hostHeader() + "\r\n"
                + "User-Agent: " + userAgent + "\r\n"
                + "Accept: " + accept + "\r\n"
                + "Accept-Encoding: gzip, deflate\r\n"
                + "Connection: close\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    Head readHead() throws IOException, FetchException {
        while (true) {
            String statusLine = readLine();
            if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
                throw new FetchException(Reason.PROTOCOL_ERROR, "not an HTTP/1.x response");
            }
            int status;
            try {
                status = Integer.parseInt(statusLine.substring(9, 12));
            } catch (NumberFormatException e) {
                throw new FetchException(Reason.PROTOCOL_ERROR, "malformed status line");
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int lines = 0; ; lines++) {
                if (lines > MAX_HEADER_LINES) {
                    throw new FetchException(Reason.PROTOCOL_ERROR, "too many response headers");
                }
                String line = readLine();
                if (line.isEmpty()) {
                    break;
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new FetchException(Reason.PROTOCOL_ERROR, "malformed response header");
                }
                headers.computeIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(line.substring(colon + 1).strip());
            }
            // Interim responses (100 Continue, 103 Early Hints) precede the real one.
            if (status >= 100 && status < 200 && status != 101) {
                continue;
            }
            return new Head(status, headers);
        }
    }

    byte[] readBody(Head head, long maxBytes) throws IOException, FetchException {
        if (head.status() == 204 || head.status() == 304) {
            return new byte[0];
        }
        InputStream raw;
        String transferEncoding = head.first("transfer-encoding");
        String contentLength = head.first("content-length");
        if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            raw = new ChunkedInputStream();
        } else if (contentLength != null) {
            long length;
            try {
                length = Long.parseLong(contentLength);
            } catch (NumberFormatException e) {
                throw new FetchException(Reason.PROTOCOL_ERROR, "malformed Content-Length");
            }
            if (length < 0) {
                throw new FetchException(Reason.PROTOCOL_ERROR, "malformed Content-Length");
            }
            if (length > maxBytes) {
                throw new FetchException(Reason.TOO_LARGE, "response larger than " + maxBytes + " bytes");
            }
            raw = new BoundedInputStream(in, length);
        } else {
            raw = in;
        }
        byte[] encoded = readLimited(raw, maxBytes);
        String encoding = head.first("content-encoding");
        if (encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("identity")) {
            return encoded;
        }
        InputStream decoded = switch (encoding.strip().toLowerCase(Locale.ROOT)) {
            case "gzip", "x-gzip" -> new GZIPInputStream(new java.io.ByteArrayInputStream(encoded));
            case "deflate" -> new InflaterInputStream(new java.io.ByteArrayInputStream(encoded));
            default -> throw new FetchException(Reason.PROTOCOL_ERROR, "unsupported content encoding");
        };
        try (decoded) {
            return readLimited(decoded, maxBytes);
        } catch (java.util.zip.ZipException e) {
            throw new FetchException(Reason.PROTOCOL_ERROR, "corrupt compressed body");
        }
    }

    private static byte[] readLimited(InputStream stream, long maxBytes) throws IOException, FetchException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = stream.read(buffer)) != -1) {
            total += n;
            if (total > maxBytes) {
                throw new FetchException(Reason.TOO_LARGE, "response larger than " + maxBytes + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private String readLine() throws IOException, FetchException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c == -1) {
                throw new FetchException(Reason.PROTOCOL_ERROR, "connection closed before the response was complete");
            }
            if (c == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            if (line.length() >= MAX_LINE) {
                throw new FetchException(Reason.PROTOCOL_ERROR, "response header line too long");
            }
            line.append((char) c);
        }
    }

    /** Applies the remaining deadline to every read, so a slow server cannot trickle bytes forever. */
    private final class DeadlineInputStream extends InputStream {

        private final InputStream delegate;

        DeadlineInputStream(InputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            long remainingMillis = (deadlineNanos - System.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0) {
                throw new DeadlineExceeded();
            }
            socket.setSoTimeout((int) Math.max(1, Math.min(readTimeoutMillis, remainingMillis)));
            return delegate.read(b, off, len);
        }
    }

    /** Thrown (as an IOException, to pass through stream APIs) when the overall deadline is over. */
    static final class DeadlineExceeded extends SocketTimeoutException {
        DeadlineExceeded() {
            super("deadline exceeded");
        }
    }

    private static final class BoundedInputStream extends InputStream {

        private final InputStream delegate;
        private long remaining;

        BoundedInputStream(InputStream delegate, long length) {
            this.delegate = delegate;
            this.remaining = length;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int c = delegate.read();
            if (c != -1) {
                remaining--;
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = delegate.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }
    }

    private final class ChunkedInputStream extends InputStream {

        private long remainingInChunk;
        private boolean done;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (remainingInChunk == 0) {
                remainingInChunk = nextChunkSize();
                if (remainingInChunk == 0) {
                    done = true;
                    return -1;
                }
            }
            int n = in.read(b, off, (int) Math.min(len, remainingInChunk));
            if (n == -1) {
                throw new IOException("connection closed inside a chunk");
            }
            remainingInChunk -= n;
            if (remainingInChunk == 0) {
                expectLineEnd();
            }
            return n;
        }

        private long nextChunkSize() throws IOException {
            String line;
            try {
                line = readLine();
            } catch (FetchException e) {
                throw new IOException(e.getMessage());
            }
            int semicolon = line.indexOf(';');
            String size = (semicolon < 0 ? line : line.substring(0, semicolon)).strip();
            try {
                long value = Long.parseLong(size, 16);
                if (value < 0) {
                    throw new IOException("malformed chunk size");
                }
                return value;
            } catch (NumberFormatException e) {
                throw new IOException("malformed chunk size");
            }
        }

        private void expectLineEnd() throws IOException {
            int c = in.read();
            if (c == '\r') {
                c = in.read();
            }
            if (c != '\n') {
                throw new IOException("malformed chunk terminator");
            }
        }
    }
}
