/** The users of each organization as user-service knows them from auth-service's events, and their profiles. */
package dev.crow.user.directory;
