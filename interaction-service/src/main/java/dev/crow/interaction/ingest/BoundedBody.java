package dev.crow.interaction.ingest;

import dev.crow.platform.error.CrowException;
import dev.crow.platform.error.ErrorKind;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body but never more than a limit: a larger body is a 413, not an out-of-memory. */
final class BoundedBody {

    private BoundedBody() {
    }

    static byte[] read(HttpServletRequest request, long maxBytes) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        int limit = (int) Math.min(Integer.MAX_VALUE - 8, maxBytes);
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                throw tooLarge(maxBytes);
            }
            return body;
        }
    }

    private static CrowException tooLarge(long maxBytes) {
        return new CrowException(ErrorKind.PAYLOAD_TOO_LARGE, "Request body exceeds " + maxBytes + " bytes");
    }
}
