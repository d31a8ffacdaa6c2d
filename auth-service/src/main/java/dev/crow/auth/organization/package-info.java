/** Organizations, their plan tier and members, and the active organization of a session. */
package dev.crow.auth.organization;
