package dev.crow.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import dev.crow.gateway.support.GatewayTestSupport;
import io.netty.channel.uring.IoUring;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.annotation.Autowired;

class KeepAliveTests extends GatewayTestSupport {

    @Autowired
    private HttpClient serviceClient;

    @Test
    void onIoUringEachReadIsOneReceiveRequest() {
        assertThat(System.getProperty(KeepAliveReadFix.IO_URING_MULTISHOT_RECEIVE)).isEqualTo("false");
        if (IoUring.isAvailable()) {
            assertThat(NettyTransport.current()).isEqualTo("io_uring");
            assertThat(IoUring.isRecvMultishotEnabled()).isFalse();
        }
    }

    @Test
    void connectionsToTheServicesArePooledPerEventLoop() {
        assertThat(serviceClient.configuration().connectionProvider()).isInstanceOf(EventLoopConnectionProvider.class);
    }

    @Test
    void reactorNettyFinishesAnExchangeBeforeReadingTheNextRequest() throws Exception {
        Class<?> handler = Class.forName("reactor.netty.http.server.HttpTrafficHandler");
        Field flag = handler.getDeclaredField("LAST_FLUSH_WHEN_NO_READ");
        flag.setAccessible(true);

        assertThat(flag.getBoolean(null)).as(KeepAliveReadFix.PROPERTY).isTrue();
    }

    @Test
    void managementRequestsSentBackToBackOnOneConnectionAreAllAnswered() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", managementPort)) {
            socket.setSoTimeout(5_000);
            for (int i = 0; i < 300; i++) {
                socket.getOutputStream().write("GET /actuator/health/liveness HTTP/1.1\r\nHost: gateway\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                String head;
                try {
                    head = readResponse(socket.getInputStream());
                } catch (java.net.SocketTimeoutException e) {
                    throw new AssertionError("no answer to management request " + i + " within 5 s", e);
                }
                assertThat(head).as("response %d", i).startsWith("HTTP/1.1 200");
            }
        }
    }

    @Test
    void requestsSentBackToBackOnOneConnectionAreAllAnswered() throws IOException {
        // The next request goes out the moment the previous answer is read, as HTTP clients with a
        // connection pool do; each must be answered, never left unread on the connection.
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < 300; i++) {
                String path = i % 2 == 0 ? "/api/v1/interactions" : "/api/v1/auth/jwks";
                // an address of its own per request, so that no per-address rate limit answers instead
                String address = i < 250 ? "203.0.113." + (i + 1) : "192.0.2." + (i - 249);
                out.write(("GET " + path + " HTTP/1.1\r\nHost: gateway\r\nX-Forwarded-For: " + address + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String head;
                try {
                    head = readResponse(in);
                } catch (java.net.SocketTimeoutException e) {
                    throw new AssertionError("no answer to request " + i + " (" + path + ") within 5 s", e);
                }
                assertThat(head).as("response %d", i).startsWith(i % 2 == 0 ? "HTTP/1.1 401" : "HTTP/1.1 200");
            }
        }
    }

    /** Reads one response (head and Content-Length body) and returns its head. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + head);
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        int length = 0;
        boolean chunked = false;
        for (String line : text.split("\r\n")) {
            if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).trim());
            }
            chunked |= line.regionMatches(true, 0, "transfer-encoding:", 0, 18) && line.toLowerCase().contains("chunked");
        }
        if (!chunked) {
            in.readNBytes(length);
            return text;
        }
        int size;
        do {
            size = Integer.parseInt(readLine(in).split(";")[0].trim(), 16);
            in.readNBytes(size);
            readLine(in); // the CRLF after the chunk (after the last one: the end of the trailers)
        } while (size > 0);
        return text;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("connection closed in a chunked body");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
