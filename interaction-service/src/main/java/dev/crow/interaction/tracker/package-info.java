/** The browser tracking script, served publicly, that sends page views and clicks with a write-only key. */
package dev.crow.interaction.tracker;
