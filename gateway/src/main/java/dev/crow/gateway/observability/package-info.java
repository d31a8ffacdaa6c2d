/** Request ids, the access log and the gateway's Prometheus metrics. */
package dev.crow.gateway.observability;
