/** The platform's own configuration and the conventions every service inherits. */
package dev.crow.platform.config;
