/** Cross-site request forgery defence: which origins may drive state-changing auth calls. */
package dev.crow.auth.origin;
