from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from documents.models import Document, DocumentFile


class DocumentListView(ListView):
    template_name = "documents/document_list.html"
    context_object_name = "documents"
    paginate_by = 25

    def get_queryset(self):
        return Document.objects.visible_to(self.request.user).for_listing()


class DocumentDetailView(DetailView):
    template_name = "documents/document_detail.html"
    context_object_name = "document"

    def get_queryset(self):
        return Document.objects.visible_to(self.request.user).select_related("meeting").prefetch_related("files")


def file_download(request, pk, language):
    document = get_object_or_404(Document.objects.visible_to(request.user), pk=pk)
    document_file = get_object_or_404(DocumentFile, document=document, language=language)
    if not document_file.file:
        raise Http404
    return FileResponse(
        document_file.file.open("rb"),
        as_attachment=True,
        filename=document_file.original_name or None,
        content_type=document_file.content_type or "application/octet-stream",
    )
