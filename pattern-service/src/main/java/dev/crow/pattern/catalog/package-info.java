/** The mined patterns and periodic results: how a finished job stores them and how the API lists them. */
package dev.crow.pattern.catalog;
