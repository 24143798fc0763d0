"""HTML to PDF, with WeasyPrint."""


def render_pdf(html: str, *, base_url: str | None = None) -> bytes:
    # Imported here: WeasyPrint loads Pango and its fonts, which only the jobs that write PDFs need.
    from weasyprint import HTML

    return HTML(string=html, base_url=base_url).write_pdf()
