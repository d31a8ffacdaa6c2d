/** Organizations and their members as auth-service announces them, shown to their members. */
package dev.crow.org.organization;
