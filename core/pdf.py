"""PDF from HTML: the one place the portal calls WeasyPrint."""


def render_pdf(html: str, *, base_url: str | None = None) -> bytes:
    """Typeset a whole HTML page (with its own <style>) as PDF bytes; base_url resolves relative links."""
    # Imported here: WeasyPrint loads Pango and its fonts, which only the few callers that make a PDF need.
    from weasyprint import HTML

    return HTML(string=html, base_url=base_url).write_pdf()
