/** Who is calling: internal JWT verification, the caller context, and the internal-endpoint guard. */
package dev.crow.platform.security;
