/** Web conventions shared by every service: request ids, pagination, health and readiness. */
package dev.crow.platform.web;
