/**
 * Pattern mining over a stream of interactions in (nearly) constant memory: the NDJSON reader,
 * session reconstruction with interned ids, and one accumulator per pattern kind.
 */
package dev.crow.pattern.mining;
