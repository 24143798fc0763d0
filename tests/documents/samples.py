"""Small, valid files of every accepted type, made in memory for the tests."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile


def pdf_bytes(text: str = "Refugee protection in Central Asia", pages: int = 1) -> bytes:
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    font = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
    )
    for number in range(pages):
        page = writer.add_blank_page(595, 842)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
        )
        stream = DecodedStreamObject()
        stream.set_data(f"BT /F1 14 Tf 72 760 Td ({text} {number + 1}) Tj ET".encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(stream)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_bytes(*paragraphs: str) -> bytes:
    import docx

    document = docx.Document()
    for paragraph in paragraphs or ("Защита беженцев",):
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _zip(parts: dict[str, str], first: tuple[str, str] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        if first:
            archive.writestr(zipfile.ZipInfo(first[0]), first[1], compress_type=zipfile.ZIP_STORED)
        for name, text in parts.items():
            archive.writestr(name, text)
    return out.getvalue()


OOXML = "http://schemas.openxmlformats.org"


def pptx_bytes(*slides: str) -> bytes:
    main = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
    parts = {
        "[Content_Types].xml": f'<Types xmlns="{OOXML}/package/2006/content-types">'
        f'<Override PartName="/ppt/presentation.xml" ContentType="{main}"/></Types>',
        "ppt/presentation.xml": f'<p:presentation xmlns:p="{OOXML}/presentationml/2006/main"/>',
    }
    for number, text in enumerate(slides, start=1):
        parts[f"ppt/slides/slide{number}.xml"] = (
            f'<p:sld xmlns:p="{OOXML}/presentationml/2006/main" xmlns:a="{OOXML}/drawingml/2006/main">'
            f"<p:cSld><p:spTree><p:sp><p:txBody><a:p><a:r><a:t>{text}</a:t></a:r></a:p></p:txBody></p:sp>"
            "</p:spTree></p:cSld></p:sld>"
        )
    return _zip(parts)


def xlsx_bytes(*cells: str) -> bytes:
    main = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    strings = "".join(f"<si><t>{cell}</t></si>" for cell in cells)
    return _zip(
        {
            "[Content_Types].xml": f'<Types xmlns="{OOXML}/package/2006/content-types">'
            f'<Override PartName="/xl/workbook.xml" ContentType="{main}"/></Types>',
            "xl/workbook.xml": f'<workbook xmlns="{OOXML}/spreadsheetml/2006/main"/>',
            "xl/sharedStrings.xml": f'<sst xmlns="{OOXML}/spreadsheetml/2006/main">{strings}</sst>',
        }
    )


def odt_bytes(*paragraphs: str) -> bytes:
    text_ns = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    office_ns = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    body = "".join(f"<text:p>{paragraph}</text:p>" for paragraph in paragraphs)
    return _zip(
        {
            "content.xml": f'<office:document-content xmlns:office="{office_ns}" xmlns:text="{text_ns}">'
            f"<office:body><office:text>{body}</office:text></office:body></office:document-content>",
        },
        first=("mimetype", "application/vnd.oasis.opendocument.text"),
    )


def doc_bytes() -> bytes:
    # An OLE2 header and a directory entry named WordDocument: enough to be recognised as Word 97–2003.
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    entry = "WordDocument".encode("utf-16-le").ljust(64, b"\x00") + b"\x00" * 64
    return header + entry + b"\x00" * 384


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def pdf_pages_bytes(*texts: str) -> bytes:
    """A PDF with a text layer, one page per text (Latin letters: the built-in Helvetica has no Cyrillic)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for text in texts:
        writer.append(PdfReader(io.BytesIO(pdf_bytes(text))), pages=[0])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


DEJAVU_SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"  # Debian's fonts-dejavu-core


def scanned_pdf_bytes(*pages: list[str], width: int = 1240, height: int = 1754) -> bytes:
    """A scan: each page an image of its lines (no text layer), 150 dpi, as Pillow writes a PDF."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(DEJAVU_SANS, 36)
    images = []
    for lines in pages:
        image = Image.new("L", (width, height), 255)
        draw = ImageDraw.Draw(image)
        for number, line in enumerate(lines):
            draw.text((100, 150 + 80 * number), line, font=font, fill=0)
        images.append(image)
    out = io.BytesIO()
    images[0].save(out, "PDF", resolution=150, save_all=True, append_images=images[1:])
    return out.getvalue()
