/** An organization's product catalogue: upserts from crawls, deduplicated by SKU and canonical URL, and its read API. */
package dev.crow.product.catalog;
