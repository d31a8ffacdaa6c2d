/**
 * Analysis of an organization's interactions from SQL aggregates: volumes, trends, top pages,
 * products and cameras, the purchase funnel, robust anomalies, and an optional LLM narrative.
 */
package dev.crow.interaction.analysis;
