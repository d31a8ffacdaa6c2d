/** The platform's JWT signing keys: Ed25519, encrypted at rest, rotated, published as JWKS, and the tokens they sign. */
package dev.crow.auth.signing;
