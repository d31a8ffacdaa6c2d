package dev.crow.product.fetch;

/** Scheme, host and port: what "the same site" means for redirects and the private-network opt-in. */
public record Origin(String scheme, String host, int port) {

    @Override
    public String toString() {
        return scheme + "://" + TargetUrl.hostForAuthority(host) + ":" + port;
    }
}
