"""Public document pages and file downloads: one file by its stable address, or a meeting's files as a zip."""

from urllib.parse import quote

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from django.views.generic import DetailView

from accounts.downloads import log_restricted_download
from core import storage
from core.citations import citation_response
from core.structured_data import json_ld
from core.views import bad_request
from documents import downloads, whole_archive
from documents.citations import document_citation
from documents.models import Document, DocumentFile, MeetingCompilation
from documents.structured_data import document_json_ld
from meetings.models import Meeting


class DocumentDetailView(DetailView):
    template_name = "documents/document_detail.html"
    context_object_name = "document"

    def get_queryset(self):
        return Document.objects.visible_to(self.request.user).for_detail(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["draft_object"] = self.object
        context["permalink"] = self.request.build_absolute_uri(self.object.get_absolute_url())
        meeting = self.object.meeting
        context["meeting_visible"] = bool(meeting and meeting.is_visible_to(self.request.user))
        context["citation"] = document_citation(self.object, self.request)
        context["json_ld"] = json_ld(document_json_ld(self.object, self.request))
        context["cite_url_name"], context["cite_key"] = "documents:document_cite", self.object.pk
        return context


@require_safe
def document_cite(request, pk, extension):
    """The document's citation as RIS, BibTeX or CSL-JSON; a document the reader may not see is a 404."""
    queryset = Document.objects.visible_to(request.user).select_related("meeting__process")
    document = get_object_or_404(queryset.prefetch_related("organisations", "states"), pk=pk)
    return citation_response(document_citation(document, request), extension)


@require_safe
def resolve_symbol(request, symbol):
    """A document by its symbol (AP/SOM.3/2016/1): its page in the address's language, or 404.

    A document the reader may not see is a 404, as if it had no symbol.
    """
    document = Document.objects.visible_to(request.user).with_symbol(symbol).first()
    if document is None:
        raise Http404
    return HttpResponseRedirect(document.get_absolute_url())


@require_safe
def file_download(request, pk, language):
    """One language version of a document, always as an attachment, with validators and byte ranges."""
    document = get_object_or_404(Document.objects.visible_to(request.user), pk=pk)
    document_file = get_object_or_404(document.files, language=language)
    if not document_file.file or not document_file.is_visible_to(request.user):
        raise Http404
    etag = f'"{document_file.sha256}"'
    last_modified = int(document_file.uploaded_at.timestamp())
    response = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if response is None:
        response = send_file(request, document_file, etag)
    response.headers["ETag"] = etag
    response.headers["Last-Modified"] = http_date(last_modified)
    response.headers["X-Content-Type-Options"] = "nosniff"
    anonymous = AnonymousUser()
    if document_file.is_visible_to(anonymous):
        # A proxy may keep a public file but must ask again each time: a withdrawn file is gone at once.
        patch_cache_control(response, public=True, no_cache=True)
    else:
        patch_cache_control(response, private=True, no_cache=True)
    return response


def send_file(request, document_file, etag):
    size = document_file.size
    content_type = document_file.content_type or "application/octet-stream"
    byte_range = None
    if_range = request.headers.get("If-Range")
    if request.headers.get("Range") and (not if_range or if_range.strip() == etag):
        byte_range = downloads.parse_range(request.headers["Range"], size)
    if byte_range == "unsatisfiable":
        response = HttpResponse(status=416)
        response.headers["Content-Range"] = f"bytes */{size}"
        return response

    if request.method == "GET" and (byte_range is None or byte_range[0] == 0):
        # A PDF viewer fetches one file in many ranges; count the download once, at its start.
        document_file.count_download()
        log_restricted_download(request, document_file)

    if not storage.is_local(document_file.file.storage):
        # Object storage: the bucket is private; hand out a URL signed for a moment, after the check above.
        response = HttpResponseRedirect(signed_url(document_file))
        patch_cache_control(response, private=True, no_store=True)
        return response
    if settings.DOCUMENT_SENDFILE:
        # The web server reads the bytes and answers ranges itself.
        response = HttpResponse(content_type=content_type)
        if settings.DOCUMENT_SENDFILE == "x-accel-redirect":
            prefix = settings.DOCUMENT_SENDFILE_PREFIX.rstrip("/")
            response.headers["X-Accel-Redirect"] = f"{prefix}/{quote(document_file.file.name)}"
        else:
            response.headers["X-Sendfile"] = document_file.file.path
    elif byte_range is None:
        response = FileResponse(document_file.file.open("rb"), content_type=content_type)
        response.headers["Content-Length"] = str(size)
    else:
        first, last = byte_range
        response = StreamingHttpResponse(
            downloads.read_range(document_file.file.open("rb"), first, last), status=206, content_type=content_type
        )
        response.headers["Content-Range"] = f"bytes {first}-{last}/{size}"
        response.headers["Content-Length"] = str(last - first + 1)
    response.headers["Accept-Ranges"] = "bytes"
    response.headers["Content-Disposition"] = downloads.content_disposition(document_file.original_name or "document")
    return response


def signed_url(document_file) -> str:
    return document_file.file.storage.url(
        document_file.file.name,
        parameters={
            "ResponseContentDisposition": downloads.content_disposition(document_file.original_name or "document"),
            "ResponseContentType": document_file.content_type or "application/octet-stream",
        },
        expire=settings.DOCUMENT_SIGNED_URL_SECONDS,
    )


@require_safe
def meeting_zip(request, slug):
    """Every file of a meeting the reader may see (or those in one language), as one streamed zip."""
    meeting = get_object_or_404(Meeting.objects.visible_to(request.user), slug=slug)
    language = request.GET.get("language", "")
    if language and language not in DocumentFile.Language.values:
        return bad_request(
            request,
            errors=[
                {
                    "name": "language",
                    "label": _("Language"),
                    "value": language,
                    "messages": [_("Choose one of the languages of the archive, or none for all of them.")],
                }
            ],
        )
    document_files = DocumentFile.objects.visible_to(request.user).for_meeting_zip(meeting, language)
    if not document_files:
        raise Http404
    members = downloads.meeting_zip_members(request, document_files)
    response = StreamingHttpResponse(downloads.stream_zip(members), content_type="application/zip")
    archive_name = f"{meeting.slug}-{language}.zip" if language else f"{meeting.slug}.zip"
    response.headers["Content-Disposition"] = downloads.content_disposition(archive_name)
    response.headers["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, private=True, no_cache=True)
    return response


@require_safe
def meeting_compilation(request, slug, language):
    """The meeting's compiled PDF in one language, while every part of the meeting is public."""
    meeting = get_object_or_404(Meeting.objects.public(), slug=slug)
    compilation = next((c for c in MeetingCompilation.objects.shown_with(meeting) if c.language == language), None)
    if compilation is None:
        raise Http404
    return whole_archive.send_built_file(
        request, compilation.file.name, "pdf", f"{slug}-{language}.pdf", content_type="application/pdf"
    )
