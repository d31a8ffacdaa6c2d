package dev.crow.product.fetch;

import dev.crow.product.fetch.FetchException.Reason;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Fetches a URL without ever touching an address the platform must not reach (notes/security.md,
 * API7). For each hop it parses the URL strictly, refuses internal host names and ports other
 * than the allowed ones, resolves the host once, refuses the request if <em>any</em> resolved
 * address is private, internal or reserved, and then opens a socket to exactly that checked
 * address (no proxy, no second lookup), sending the original host in the Host header and in TLS
 * SNI, with certificate host name verification on. Redirects are followed here, by hand, and each
 * hop is checked again.
 *
 * <p>A small HTTP/1.1 client over {@link Socket}/{@link SSLSocket} rather than the JDK
 * HttpClient or Apache HttpClient: the JDK client resolves host names itself and cannot be told
 * which address to connect to; Apache's can (a filtering DnsResolver), but then the address
 * policy depends on which of its code paths consult the resolver (IP literals, proxies, route
 * planners). Owning the socket makes "check this address, connect to this address" one visible
 * step, and the deadline and byte limits apply to every read.
 */
public class SafeHttpFetcher {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final FetchPolicy policy;
    private final HostResolver resolver;
    private final SSLSocketFactory tlsSockets;
    private final HostNames hostNames;

    public SafeHttpFetcher(FetchPolicy policy, HostResolver resolver, SSLSocketFactory tlsSockets) {
        this.policy = policy;
        this.resolver = resolver;
        this.tlsSockets = tlsSockets;
        this.hostNames = new HostNames(policy.blockedHosts());
    }

    public FetchedResponse get(String url, FetchOptions options) throws FetchException {
        return get(TargetUrl.parse(url), options);
    }

    public FetchedResponse get(TargetUrl url, FetchOptions options) throws FetchException {
        long deadline = System.nanoTime() + policy.deadline().toNanos();
        TargetUrl current = url;
        for (int hop = 0; ; hop++) {
            InetAddress address = checkedAddress(current, options);
            FetchedResponse response = exchange(current, address, options, deadline);
            String location = response.header("location");
            if (!REDIRECTS.contains(response.status()) || location == null) {
                return response;
            }
            if (hop >= policy.maxRedirects()) {
                throw new FetchException(Reason.TOO_MANY_REDIRECTS, "more than " + policy.maxRedirects() + " redirects");
            }
            current = current.resolve(location);
        }
    }

    /**
     * The address to connect to for {@code url}, after every check; throws when any check fails.
     * Public so callers can validate a URL up front (for example when a crawler job is created).
     */
    public InetAddress checkedAddress(TargetUrl url, FetchOptions options) throws FetchException {
        if (policy.blockedOrigins().contains(url.host() + ":" + url.port())) {
            throw new FetchException(Reason.BLOCKED_TARGET, "blocked target: a CROW service");
        }
        boolean exempt = options.privateOrigin() != null && options.privateOrigin().equals(url.origin());
        if (!exempt && !policy.allowedPorts().contains(url.port())) {
            throw new FetchException(Reason.INVALID_URL, "port " + url.port() + " is not allowed");
        }
        List<InetAddress> addresses;
        if (url.literal() != null) {
            addresses = List.of(url.literal());
        } else {
            String nameReason = hostNames.blockedReason(url.host());
            if (nameReason != null) {
                throw new FetchException(Reason.BLOCKED_TARGET, "blocked target: " + nameReason);
            }
            try {
                addresses = resolver.resolve(url.host());
            } catch (UnknownHostException e) {
                throw new FetchException(Reason.UNRESOLVABLE_HOST, "host does not resolve");
            }
            if (addresses == null || addresses.isEmpty()) {
                throw new FetchException(Reason.UNRESOLVABLE_HOST, "host does not resolve");
            }
        }
        for (InetAddress address : addresses) {
            if (Addresses.isMetadata(address)) {
                throw new FetchException(Reason.BLOCKED_TARGET, "blocked target: cloud metadata address");
            }
            Optional<String> reason = Addresses.blockedReason(address);
            if (reason.isPresent() && !exempt) {
                throw new FetchException(Reason.BLOCKED_TARGET, "blocked target: " + reason.get());
            }
        }
        return addresses.get(0);
    }

    private FetchedResponse exchange(TargetUrl url, InetAddress address, FetchOptions options, long deadline)
            throws FetchException {
        long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
        if (remainingMillis <= 0) {
            throw new FetchException(Reason.TIMEOUT, "deadline exceeded");
        }
        try (Socket socket = new Socket(Proxy.NO_PROXY)) {
            int connectTimeout = (int) Math.max(1, Math.min(policy.connectTimeout().toMillis(), remainingMillis));
            socket.connect(new InetSocketAddress(address, url.port()), connectTimeout);
            Socket channel = url.isHttps() ? startTls(socket, url, deadline) : socket;
            HttpExchange exchange = new HttpExchange(channel, deadline, policy.readTimeout().toMillis());
            exchange.sendGet(url, options.accept(), policy.userAgent());
            HttpExchange.Head head = exchange.readHead();
            byte[] body = REDIRECTS.contains(head.status()) && head.first("location") != null
                    ? new byte[0]
                    : exchange.readBody(head, options.maxBytes());
            return new FetchedResponse(head.status(), head.headers(), body, url);
        } catch (SocketTimeoutException e) {
            throw new FetchException(Reason.TIMEOUT, e instanceof HttpExchange.DeadlineExceeded
                    ? "deadline exceeded" : "timed out");
        } catch (SSLException e) {
            throw new FetchException(Reason.CONNECTION_FAILED, "TLS handshake failed");
        } catch (IOException e) {
            throw new FetchException(Reason.CONNECTION_FAILED, "connection failed");
        }
    }

    private Socket startTls(Socket socket, TargetUrl url, long deadline) throws IOException {
        SSLSocket tls = (SSLSocket) tlsSockets.createSocket(socket, url.host(), url.port(), true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (url.literal() == null) {
            parameters.setServerNames(List.of(new SNIHostName(url.host())));
        }
        tls.setSSLParameters(parameters);
        long remainingMillis = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        tls.setSoTimeout((int) Math.min(policy.readTimeout().toMillis(), remainingMillis));
        tls.startHandshake();
        return tls;
    }
}
