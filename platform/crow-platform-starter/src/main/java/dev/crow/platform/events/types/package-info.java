/** The payload records of the events CROW services send each other, one per event type. */
package dev.crow.platform.events.types;
