/** OpenAPI metadata so every service's document is complete and named. */
package dev.crow.platform.openapi;
