"""The whole archive as CSV and JSON files, built in the background for each access rule and sent as files.

An unfiltered export is the largest answer the portal gives (24 MB for the 100,000 documents of the
bench archive): built in the request it holds a worker for many seconds and can be cut by the worker
timeout. So a job (``build_whole_archive``, also ``manage.py build_exports``) writes it to
default_storage as the readers of one access rule see it (``Document.rule_key``: the public, staff, or
the delegates of one state, read through ``Document.objects.visible_to`` like every other output), and
the view sends that file as it sends an archive file: X-Accel-Redirect, a signed URL, or a
FileResponse. No document is read in the request. A reader is only ever sent the build of their own
rule; a build for signed-in readers is marked private, so no proxy keeps it.

When a built file is used. The permalinks in it name the site (scheme and host) and the meeting
titles are in one language, so there is one build per origin, language and rule. A build records the
page cache's content version (core.pagecache), which any save or delete of content, and any
scheduled publication that falls due, moves on. A build is sent only while that version is current
and before the next scheduled publication it saw; otherwise the export streams as before (always
correct; bounded for signed-in readers), and a rebuild is queued: at most one per origin, language and
rule every WHOLE_ARCHIVE_REBUILD_DELAY seconds, so that a burst of edits gives one rebuild. A change of
content queues one at once only for the public builds of the sites that asked lately: signed-in readers
export the whole archive seldom, and rebuilding every state's copy after each edit would keep the
worker from its other jobs. The build's record lives in the shared cache; when the cache has lost it,
the export streams until the next build.
"""

from __future__ import annotations

import hashlib
import logging
import tempfile
import time
from datetime import timedelta
from types import SimpleNamespace
from urllib.parse import quote

from django.conf import settings
from django.core.cache import cache
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import FileResponse, HttpResponse, HttpResponseRedirect
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control

from core import pagecache, storage
from core.jobs import job, runs_in_worker
from documents.exports import csv_lines, json_chunks
from documents.models import Document

logger = logging.getLogger(__name__)

FOLDER = "exports"
FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json; charset=utf-8"}
ORIGINS_KEY = "whole-archive:origins"  # the sites (origin, language) whose public build was asked for lately
MAX_ORIGINS = 8
PUBLIC = Document.PUBLIC_RULE


def _slot(origin: str, language: str, rule: str = PUBLIC) -> str:
    return hashlib.sha256(f"{origin} {language} {rule}".encode()).hexdigest()[:16]


def _record_key(origin: str, language: str, rule: str) -> str:
    return f"whole-archive:build:{_slot(origin, language, rule)}"


def is_unfiltered(request) -> bool:
    """Whether the export asks for the whole archive (no filter with a value, not even a search)."""
    return not any(value.strip() for _name, values in request.GET.lists() for value in values)


def request_origin(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def current_build(origin: str, language: str, rule: str) -> dict | None:
    """The record of the build that may be sent now, or None (none, stale, or the cache is unreachable)."""
    try:
        record = cache.get(_record_key(origin, language, rule))
    except Exception:
        logger.warning("Cache unreachable: the whole archive is streamed", exc_info=True)
        return None
    if not record or record["version"] is None or record["version"] != pagecache.content_version():
        return None
    if record["valid_until"] and record["valid_until"] <= time.time():
        return None  # a scheduled publication has come due since the build
    return record


def queue_rebuild(origin: str, language: str, rule: str = PUBLIC) -> bool:
    """Queue a rebuild in the worker, unless one was queued in the last WHOLE_ARCHIVE_REBUILD_DELAY seconds."""
    if not runs_in_worker():
        return False  # no worker (make demo, tests): the export streams; manage.py build_exports builds
    delay = settings.WHOLE_ARCHIVE_REBUILD_DELAY
    try:
        origins = cache.get(ORIGINS_KEY) or []
        if rule == PUBLIC and [origin, language] not in origins:
            cache.set(ORIGINS_KEY, ([[origin, language]] + origins)[:MAX_ORIGINS], timeout=None)
        if not cache.add(f"whole-archive:queued:{_slot(origin, language, rule)}", 1, timeout=max(delay, 1)):
            return False
    except Exception:
        logger.warning("Cache unreachable: no rebuild of the whole archive queued", exc_info=True)
        return False
    # The rebuild runs once the delay has passed, so it reads every change made meanwhile.
    run_after = timezone.now() + timedelta(seconds=delay)
    transaction.on_commit(lambda: build_whole_archive.using(run_after=run_after).enqueue(origin, language, rule))
    return True


def _content_changed(sender, **kwargs):
    if sender._meta.app_label in pagecache.IGNORED_APPS or sender._meta.label_lower in pagecache.IGNORED_MODELS:
        return
    # The page cache's version moved when the row was written, before it was committed: a build that
    # read the version in between would record old rows under the new version. Move it again at commit.
    transaction.on_commit(pagecache.invalidate)
    if not runs_in_worker():
        return
    try:
        origins = cache.get(ORIGINS_KEY) or []
    except Exception:
        return
    for origin, language in origins:
        queue_rebuild(origin, language)


def connect_signals() -> None:
    """A change of content queues a rebuild for the sites that asked lately (called from DocumentsConfig.ready)."""
    post_save.connect(_content_changed, dispatch_uid="whole-archive-save")
    post_delete.connect(_content_changed, dispatch_uid="whole-archive-delete")
    m2m_changed.connect(_content_changed, dispatch_uid="whole-archive-m2m")


def _write(kind: str, origin: str, language: str, rule: str, stamp: str) -> str:
    """Write one format to a temporary file, then store it; returns its name in storage."""
    user = Document.reader_of_rule(rule)
    reader = SimpleNamespace(user=user, build_absolute_uri=lambda path: origin + path)
    documents = Document.objects.visible_to(user).order_by("-date", "title", "pk")
    chunks = csv_lines(documents, reader) if kind == "csv" else json_chunks(documents, reader)
    name = f"{FOLDER}/almaty-process-documents-{_slot(origin, language, rule)}-{stamp}.{kind}"
    with tempfile.TemporaryFile() as scratch:
        for chunk in chunks:
            scratch.write(chunk.encode() if isinstance(chunk, str) else chunk)
        scratch.seek(0)
        return default_storage.save(name, File(scratch, name=name))


def build(origin: str, language: str, rule: str = PUBLIC) -> dict:
    """Build the CSV and JSON of the whole archive as the readers of `rule` see it, for one origin and language."""
    version = pagecache.content_version()
    if version is None:
        pagecache.invalidate()  # the cache lost the version (flushed): start a new one
        version = pagecache.content_version()
    valid_until = pagecache.next_publication()
    stamp = timezone.now().strftime("%Y%m%d%H%M%S%f")
    with translation.override(language):
        files = {kind: _write(kind, origin, language, rule, stamp) for kind in FORMATS}
    key = _record_key(origin, language, rule)
    previous = cache.get(key) or {}
    record = {
        "version": version,
        "valid_until": valid_until,
        "built_at": time.time(),
        **files,
        # The previous build stays one round: a response that named it may still be on its way.
        "previous": [previous[kind] for kind in FORMATS if previous.get(kind)],
    }
    cache.set(key, record, timeout=None)
    keep = {*files.values(), *record["previous"]}
    _prune(_slot(origin, language, rule), keep)
    return record


def _prune(slot: str, keep: set[str]) -> None:
    prefix = f"almaty-process-documents-{slot}-"
    try:
        _folders, names = default_storage.listdir(FOLDER)
    except FileNotFoundError:
        return
    for name in names:
        path = f"{FOLDER}/{name}"
        if name.startswith(prefix) and path not in keep:
            default_storage.delete(path)


@job(retries=2, retry_delay=60)
def build_whole_archive(origin: str, language: str, rule: str = PUBLIC) -> str:
    record = build(origin, language, rule)
    return f"{record['csv']}, {record['json']}"


def send_built_file(
    request, name: str, kind: str, filename: str, content_type: str | None = None, for_everyone: bool = True
):
    """The built file, sent by the web server, by a signed URL, or by the portal itself.

    `for_everyone`: built from public content only, so that a proxy may keep it; otherwise private.
    """
    disposition = f'attachment; filename="{filename}"'
    content_type = content_type or FORMATS[kind]
    if not storage.is_local(default_storage):
        url = default_storage.url(
            name,
            parameters={"ResponseContentDisposition": disposition, "ResponseContentType": content_type},
            expire=settings.DOCUMENT_SIGNED_URL_SECONDS,
        )
        response = HttpResponseRedirect(url)
    elif settings.DOCUMENT_SENDFILE == "x-accel-redirect":
        response = HttpResponse(content_type=content_type)
        response.headers["X-Accel-Redirect"] = f"{settings.DOCUMENT_SENDFILE_PREFIX.rstrip('/')}/{quote(name)}"
    elif settings.DOCUMENT_SENDFILE:
        response = HttpResponse(content_type=content_type)
        response.headers["X-Sendfile"] = default_storage.path(name)
    else:
        response = FileResponse(default_storage.open(name, "rb"), content_type=content_type)
    response.headers["Content-Disposition"] = disposition
    response.headers["X-Robots-Tag"] = "noindex"
    # A proxy may keep a public build, but must ask again (a change makes a new build); never another one.
    patch_cache_control(response, **({"public": True} if for_everyone else {"private": True}), no_cache=True)
    return response


def prebuilt_response(request, kind: str, filename: str):
    """The whole archive built for this site, language and reader's rule if it is current; else queue a build, None."""
    origin, language, rule = request_origin(request), translation.get_language(), Document.rule_key(request.user)
    record = current_build(origin, language, rule)
    if record is None:
        queue_rebuild(origin, language, rule)
        return None
    return send_built_file(request, record[kind], kind, filename, for_everyone=rule == PUBLIC)
