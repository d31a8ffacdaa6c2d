package dev.crow.product.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name into addresses. The fetcher checks every address it returns and connects to
 * one of them directly, so the answer is used once and never looked up again (no rebinding window).
 * Production uses the system resolver; tests inject one that maps names to private addresses.
 */
public interface HostResolver {

    List<InetAddress> resolve(String host) throws UnknownHostException;

    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
