"""Information sheets: the list, a sheet's page and its PDF in the language of the address."""

from django.conf import settings
from django.http import FileResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.views.generic import ListView

from core.i18n import LANGUAGE_CODES, current_language
from monitoring.models import InformationSheet
from monitoring.pdf import current_pdf


class SheetListView(ListView):
    template_name = "monitoring/sheet_list.html"
    context_object_name = "sheets"
    paginate_by = 20

    def get_queryset(self):
        return InformationSheet.objects.visible_to(self.request.user).order_by("-period_end", "-period_start", "-pk")


def sheet_detail(request, slug):
    sheet = get_object_or_404(InformationSheet.objects.visible_to(request.user), slug=slug)
    context = {
        "sheet": sheet,
        "contents": sheet.contents_for(request.user),
        "pdf_links": pdf_links(sheet),
        "draft_object": sheet,
    }
    return render(request, "monitoring/sheet_detail.html", context)


def pdf_links(sheet) -> list[dict]:
    """The sheet's PDF in each language, named in the reader's language."""
    names = dict(settings.LANGUAGES)
    links = []
    for code in LANGUAGE_CODES:
        with translation.override(code):
            url = sheet.get_pdf_url()
        links.append({"code": code, "name": names[code], "url": url})
    return links


def sheet_pdf(request, slug):
    """The sheet's PDF as the public sees it; a draft's only for staff, like its page."""
    sheet = get_object_or_404(InformationSheet.objects.visible_to(request.user), slug=slug)
    language = current_language()
    pdf = current_pdf(sheet, language)
    return FileResponse(pdf.file.open("rb"), content_type="application/pdf", filename=f"{sheet.slug}-{language}.pdf")
