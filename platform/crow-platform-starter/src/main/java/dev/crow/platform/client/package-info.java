/** Calling other CROW services' internal endpoints with the service key. */
package dev.crow.platform.client;
