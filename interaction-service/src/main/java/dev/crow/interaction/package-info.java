/** interaction-service: the interaction vocabulary, configuration and time windows shared by its features. */
package dev.crow.interaction;
