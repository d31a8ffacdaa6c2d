/** Which service answers which path, which paths are public, and what the gateway sends upstream. */
package dev.crow.gateway.routing;
