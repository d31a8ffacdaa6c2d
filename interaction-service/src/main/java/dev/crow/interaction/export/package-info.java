/** Internal endpoints for other services: the streaming NDJSON export pattern-service mines, and the organizations with data. */
package dev.crow.interaction.export;
