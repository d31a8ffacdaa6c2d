/** Invitations by email: adding known users through auth-service, one-time links for everyone else. */
package dev.crow.org.invitation;
