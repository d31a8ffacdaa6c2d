/** In-app notifications a user reads in the dashboard. */
package dev.crow.user.notification;
