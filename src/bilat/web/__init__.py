"""The web shell: a REST API (FastAPI) and the dashboard it serves, over :mod:`bilat.query`.

Every endpoint calls one method of :class:`bilat.query.Store`; the dashboard fetches only
these endpoints. Start it with ``bilat serve`` or ``create_app(db)`` under any ASGI server.
"""
from bilat.web.app import create_app

__all__ = ["create_app"]
