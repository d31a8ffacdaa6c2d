/** Users and their password credentials: sign-up, sign-in, password hashing and the business-email rule. */
package dev.crow.auth.account;
