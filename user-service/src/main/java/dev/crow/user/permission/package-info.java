/** Feature permissions per member: role defaults, admins' changes, and the lookup behind the JWT's perms. */
package dev.crow.user.permission;
