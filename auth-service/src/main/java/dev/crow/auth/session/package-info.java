/** Sessions: signing in and out, the signed session cookie, bearer session tokens and get-session. */
package dev.crow.auth.session;
