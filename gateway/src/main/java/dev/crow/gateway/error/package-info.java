/** The platform error body, written by the gateway for its own refusals and for upstream failures. */
package dev.crow.gateway.error;
