#!/usr/bin/env python3
"""Stand-in for auth-service's introspection endpoint during the gateway benchmark.

Every crow_ API key is valid and belongs to an enterprise organization whose limits are far above
what the benchmark can reach, so the gateway authenticates, injects a JWT and rate-limits every
request without refusing any. The gateway caches the principal, so this answers about once a minute.
"""
import base64
import json
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT = int(sys.argv[1])
SERVICE_KEY = sys.argv[2]
calls = 0


def fake_jwt():
    # Shaped like the real internal JWT (EdDSA header, the contract's claims), but not signed:
    # the benchmark backend does not verify it. Its size is what matters for the header cost.
    def b64(obj):
        return base64.urlsafe_b64encode(json.dumps(obj).encode()).rstrip(b"=").decode()
    now = int(time.time())
    header = {"alg": "EdDSA", "kid": "bench-key-1"}
    claims = {"iss": "crow-auth", "aud": "crow-platform", "sub": "user-bench", "iat": now, "exp": now + 300,
              "jti": "bench-%d" % now, "org": "org-bench", "role": "owner",
              "perms": ["interactions", "patterns", "products", "chat"], "tier": "enterprise",
              "amr": "api_key", "akid": "key-bench"}
    return b64(header) + "." + b64(claims) + "." + base64.urlsafe_b64encode(b"s" * 64).rstrip(b"=").decode()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, fmt, *args):
        pass

    def do_POST(self):
        global calls
        length = int(self.headers.get("Content-Length", "0"))
        body = json.loads(self.rfile.read(length) or b"{}")
        if self.path != "/internal/auth/introspect" or self.headers.get("X-Service-API-Key") != SERVICE_KEY:
            self.answer(403, {"error": "Forbidden", "code": "FORBIDDEN", "message": "Forbidden", "requestId": None})
            return
        if body.get("type") != "api_key" or not str(body.get("credential", "")).startswith("crow_"):
            self.answer(401, {"error": "Invalid", "code": "UNAUTHORIZED", "message": "Invalid", "requestId": None})
            return
        calls += 1
        self.answer(200, {
            "principal": {"userId": "user-bench", "organizationId": "org-bench", "role": "owner",
                          "permissions": ["interactions", "patterns", "products", "chat"], "tier": "enterprise",
                          "authMethod": "api_key", "apiKeyId": "key-bench",
                          "rateLimit": {"perMinute": 1000000000, "perDay": 100000000000}},
            "jwt": fake_jwt(),
            "jwtExpiresAt": int(time.time()) + 300})

    def do_GET(self):
        self.answer(200, {"status": "UP", "introspections": calls})

    def answer(self, status, payload):
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
