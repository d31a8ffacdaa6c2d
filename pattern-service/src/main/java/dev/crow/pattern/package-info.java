/** pattern-service: its configuration and the mining periods shared by its features. */
package dev.crow.pattern;
