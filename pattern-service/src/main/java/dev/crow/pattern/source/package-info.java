/** Reading interactions from interaction-service's internal API: the streaming export and the organizations with data. */
package dev.crow.pattern.source;
