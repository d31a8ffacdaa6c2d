/** Who a credential speaks for: principals for the gateway (introspection) and the JWTs that carry them. */
package dev.crow.auth.introspection;
