/**
 * The SSRF-safe HTTP fetcher every outbound request of the crawler goes through: strict URL
 * parsing, address checks on the resolved IP, a connection to exactly that IP, hand-followed
 * redirects and hard limits on time and bytes.
 */
package dev.crow.product.fetch;
