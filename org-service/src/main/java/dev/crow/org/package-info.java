/** org-service: what an organization is, who is in it, and who is invited. */
package dev.crow.org;
