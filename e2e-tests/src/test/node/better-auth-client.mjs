// Drives CROW through the gateway with the unmodified Better Auth client and its
// organization, jwt and api-key plugins, exactly as a dashboard would.
// Usage: node better-auth-client.mjs <gateway base URL> <trusted origin>
import assert from "node:assert/strict";
import { createAuthClient } from "better-auth/client";
import { organizationClient, jwtClient } from "better-auth/client/plugins";
import { apiKeyClient } from "@better-auth/api-key/client";

const [gateway, origin] = process.argv.slice(2);
assert.ok(gateway && origin, "usage: better-auth-client.mjs <gateway> <origin>");

// A browser keeps cookies and sends Origin; Node's fetch does neither, so do both here.
const jar = new Map();
// The suite's gateway trusts loopback as a proxy: speak from an address of our own so that the
// per-address limits of the auth routes are this script's alone.
const clientAddress = `192.0.2.${1 + Math.floor(Math.random() * 250)}`;
async function browserFetch(input, init = {}) {
  const headers = new Headers(init.headers || {});
  headers.set("origin", origin);
  headers.set("x-forwarded-for", clientAddress);
  if (jar.size > 0) {
    headers.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
  }
  const response = await fetch(input, { ...init, headers });
  for (const line of response.headers.getSetCookie()) {
    const [pair, ...attributes] = line.split(";");
    const eq = pair.indexOf("=");
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
    if (expired || value === "") jar.delete(name); else jar.set(name, value);
  }
  return response;
}

const client = createAuthClient({
  baseURL: `${gateway}/api/v1/auth`,
  plugins: [organizationClient(), jwtClient(), apiKeyClient()],
  fetchOptions: { customFetchImpl: browserFetch },
});

const isoMillis = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const unique = Date.now().toString(36) + Math.random().toString(36).slice(2, 6);
const email = `Owner.${unique}@Acme-Retail.example`;
const password = "correct horse battery staple";

function ok(result, what) {
  assert.equal(result.error, null, `${what} failed: ${JSON.stringify(result.error)}`);
  return result.data;
}

// No session yet: get-session answers null, not an error.
assert.equal(ok(await client.getSession(), "get-session (anonymous)"), null);

const consumer = await client.signUp.email({ name: "Someone", email: `x.${unique}@gmail.com`, password });
assert.equal(consumer.error?.status, 400, "consumer email domains are rejected");

const signedUp = ok(await client.signUp.email({ name: "Ada Owner", email, password }), "sign-up");
assert.equal(signedUp.user.email, email.toLowerCase());
assert.ok(signedUp.token);
assert.ok(signedUp.user.createdAt instanceof Date, "dates arrive as ISO strings the client turns into Dates");

const duplicate = await client.signUp.email({ name: "Ada Again", email, password });
assert.equal(duplicate.error?.status, 422);
assert.equal(duplicate.error?.code, "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL");

ok(await client.signOut(), "sign-out after sign-up");
assert.equal(ok(await client.getSession(), "get-session after sign-out"), null);

const wrong = await client.signIn.email({ email, password: "not the password" });
assert.equal(wrong.error?.status, 401);
assert.equal(wrong.error?.code, "INVALID_EMAIL_OR_PASSWORD");

const signedIn = ok(await client.signIn.email({ email, password }), "sign-in");
assert.equal(signedIn.redirect, false);
assert.equal(signedIn.user.email, email.toLowerCase());

const session = ok(await client.getSession(), "get-session");
assert.equal(session.user.email, email.toLowerCase());
assert.equal(session.session.userId, session.user.id);
assert.ok(session.session.expiresAt instanceof Date);

const organization = ok(
  await client.organization.create({ name: "Acme Retail", slug: `acme-${unique}` }),
  "organization/create",
);
assert.equal(organization.slug, `acme-${unique}`);
assert.equal(organization.members?.[0]?.role, "owner");

const listed = ok(await client.organization.list(), "organization/list");
assert.ok(listed.some((o) => o.id === organization.id));

const active = ok(await client.organization.setActive({ organizationId: organization.id }), "set-active");
assert.equal(active.id, organization.id);
const afterActive = ok(await client.getSession(), "get-session with organization");
assert.equal(afterActive.session.activeOrganizationId, organization.id);

const jwt = ok(await client.token(), "token");
assert.equal(jwt.token.split(".").length, 3);

const created = ok(await client.apiKey.create({ name: "ci key" }), "api-key/create");
assert.ok(created.key.startsWith("crow_"), "keys carry the crow_ prefix");
assert.equal(created.start, created.key.slice(0, 6));

const keys = ok(await client.apiKey.list(), "api-key/list");
const listedKey = (keys.apiKeys ?? keys).find((k) => k.id === created.id);
assert.ok(listedKey, "the new key is listed");
assert.equal(listedKey.key, undefined, "the key itself is never shown again");
assert.match(JSON.stringify(listedKey.createdAt instanceof Date ? listedKey.createdAt.toISOString() : listedKey.createdAt).replaceAll('"', ""), isoMillis);

// The key works against a protected route through the gateway.
const withKey = await fetch(`${gateway}/api/v1/users/me`, {
  headers: { "x-api-key": created.key, "x-forwarded-for": clientAddress },
});
assert.ok(withKey.status !== 401 && withKey.status < 500, `a fresh API key authenticates at the gateway (${withKey.status})`);

ok(await client.apiKey.delete({ keyId: created.id }), "api-key/delete");
const missing = await client.apiKey.delete({ keyId: created.id });
assert.equal(missing.error?.status, 404);

ok(await client.signOut(), "sign-out");
assert.equal(ok(await client.getSession(), "get-session after sign-out"), null);

console.log("better-auth client: all checks passed");
