/** API keys ({@code crow_…}) for SDKs and tools: created once, stored only as a hash, scoped to an organization and permissions. */
package dev.crow.auth.apikey;
