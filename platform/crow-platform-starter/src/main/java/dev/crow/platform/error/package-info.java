/** The platform error body and the single place where failures become HTTP answers. */
package dev.crow.platform.error;
