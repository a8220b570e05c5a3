"""textual-serve's server with the class code in front: the only web code of our own is this gate.

Each browser tab that passes gets its own app process (textual-serve starts it when the
page opens its websocket). Without a pass, the page is a one-field form and the websocket
is refused, so no app process is started for a stranger.
"""

from __future__ import annotations

import html
from pathlib import Path

from aiohttp import web
from textual_serve.server import Server

from caucasusquiz.serving.gate import CodeGate

COOKIE = "caucasusquiz_pass"
# Our copy of textual-serve's page, with the font served locally (see the file's comment).
TEMPLATES = Path(__file__).resolve().parent / "templates"

FORM = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>caucasusquiz</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{{font:20px system-ui,sans-serif;margin:15vh auto;max-width:28em;padding:0 1em}}
input{{font:inherit;padding:.3em;width:8em}}button{{font:inherit;padding:.3em 1em}}
.msg{{color:#b00020}}</style></head>
<body><h1>caucasusquiz</h1><p>Enter the class code shown by your teacher.</p>
<form method="post" action="/"><input name="code" id="code" autocomplete="off" inputmode="numeric"
autofocus aria-label="class code"> <button type="submit">Open</button></form>
<p class="msg" role="alert">{message}</p></body></html>
"""


class ClassServer(Server):
    def __init__(self, command: str, host: str, port: int, gate: CodeGate | None) -> None:
        super().__init__(command, host=host, port=port, title="caucasusquiz", templates_path=TEMPLATES)
        self.gate = gate

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.router.add_post("/", self.handle_code)
        return app

    def _admitted(self, request: web.Request) -> bool:
        return self.gate is None or self.gate.admits(request.cookies.get(COOKIE))

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        if not self._admitted(request):
            return _form("")
        # The page's websocket address must be the one the browser used, not 0.0.0.0.
        self.public_url = f"{request.scheme}://{request.host}"
        return await super().handle_index(request)

    async def handle_code(self, request: web.Request) -> web.StreamResponse:
        if self.gate is None:
            raise web.HTTPSeeOther("/")
        form = await request.post()
        attempt = self.gate.try_code(request.remote or "?", str(form.get("code", ""))[:32])
        if attempt.retry_after > 0:
            response = _form(f"Too many wrong codes. Wait {attempt.retry_after:.0f} seconds.", status=429)
            response.headers["Retry-After"] = str(round(attempt.retry_after))
            return response
        if not attempt.ok or attempt.pass_token is None:
            return _form("That is not the class code.", status=403)
        response = web.HTTPSeeOther("/")
        response.set_cookie(COOKIE, attempt.pass_token, httponly=True, samesite="Strict")
        raise response

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        if not self._admitted(request):
            raise web.HTTPForbidden(text="class code needed")
        return await super().handle_websocket(request)


def _form(message: str, status: int = 200) -> web.Response:
    return web.Response(
        text=FORM.format(message=html.escape(message)), status=status, content_type="text/html"
    )
