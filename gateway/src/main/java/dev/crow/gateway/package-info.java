/** The CROW gateway: the one public entry point that authenticates, rate-limits and routes to the services. */
package dev.crow.gateway;
