"""Optional read-replica routing: reads go to the replica, writes and what follows them to the primary.

Enabled by DATABASE_REPLICA_URL. A request that has written (an editor's save) reads from the primary for
the rest of that request, so that nobody reads a replica that has not caught up with their own edit, and
so does everything inside a transaction. Migrations run on the primary only.
"""

import contextvars

from django.db import connections

REPLICA = "replica"
_wrote = contextvars.ContextVar("wrote_to_primary", default=False)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if _wrote.get() or connections["default"].in_atomic_block or REPLICA not in connections:
            return "default"
        return REPLICA

    def db_for_write(self, model, **hints):
        _wrote.set(True)
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


class ReplicaRouterMiddleware:
    """Each request starts reading from the replica again."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _wrote.set(request.method not in ("GET", "HEAD", "OPTIONS"))
        try:
            return self.get_response(request)
        finally:
            _wrote.reset(token)
