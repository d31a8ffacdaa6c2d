/** Cross-origin access for the configured dashboard origins, with credentials. */
package dev.crow.gateway.cors;
