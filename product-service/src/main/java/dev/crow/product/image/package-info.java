/**
 * Product images: download (type sniffed from bytes, size-checked), object storage behind
 * the platform's {@code ObjectStore}, the public image endpoint, and AI descriptions
 * (offline image features, or captions from a configured vision model).
 */
package dev.crow.product.image;
