package dev.crow.product.fetch;

/**
 * Per-request settings.
 *
 * @param maxBytes      the most body bytes accepted, counted after decompression as well as before
 * @param accept        the Accept header
 * @param privateOrigin an origin that may sit on a private network (set by the crawler only when
 *                      {@code crow.product.crawler.allow-private-networks} is on); {@code null} for none
 */
public record FetchOptions(long maxBytes, String accept, Origin privateOrigin) {

    public static FetchOptions of(long maxBytes, String accept) {
        return new FetchOptions(maxBytes, accept, null);
    }

    public FetchOptions withPrivateOrigin(Origin origin) {
        return new FetchOptions(maxBytes, accept, origin);
    }
}
