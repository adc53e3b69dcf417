"""What every answer of ``bilat serve`` carries, and what every request may be.

An ASGI middleware around the API: it reads a request body up to ``max_body`` bytes and
answers 413 (E108) past that, without handing the request on; it adds the security headers
to every answer. CORS is left to Starlette's middleware, added only for configured origins.
"""

import json

# The dashboard loads its script, style and data from this server only, and has no inline
# script or style; nothing may frame it.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")
# The /docs page (Swagger UI, files of the fastapi-offline package served from /docs-static)
# starts it with an inline script and styles inline: its policy allows inline script and
# style, still from this server only.
DOCS_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; connect-src 'self'; font-src 'self'; worker-src 'self' blob:; "
            "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = [(b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
           (b"referrer-policy", b"no-referrer"), (b"cross-origin-opener-policy", b"same-origin")]
_DOCS = {"/docs", "/docs/oauth2-redirect"}


class Guard:
    """Body limit and security headers (see the module's docstring)."""

    def __init__(self, app, *, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        csp = (DOCS_CSP if scope["path"] in _DOCS else CSP).encode()

        async def send_guarded(message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", [])
                           if k.lower() not in {b"content-security-policy", *(h for h, _ in HEADERS)}]
                message = dict(message, headers=headers + HEADERS + [(b"content-security-policy", csp)])
            await send(message)

        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and (not declared.strip().isdigit() or int(declared) > self.max_body):
            await self._too_large(send_guarded, declared.decode("latin-1")[:20])
            return
        # read the whole body (at most max_body bytes), then hand it on in one piece
        chunks, size, more, disconnected = [], 0, True, False
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                disconnected = True
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                await self._too_large(send_guarded, f"over {self.max_body}")
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body, sent = b"".join(chunks), False

        async def replay():
            nonlocal sent
            if not sent and not disconnected:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive() if not disconnected else {"type": "http.disconnect"}

        await self.app(scope, replay, send_guarded)

    async def _too_large(self, send, size: str) -> None:
        detail = (f"E108 request: body of {size} bytes is larger than the limit of {self.max_body} bytes "
                  "(BILAT_MAX_REQUEST_BYTES); not read")
        body = json.dumps({"detail": detail}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})
