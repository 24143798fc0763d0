import pytest

from documents.indexing import index_document
from documents.models import DocumentFile, ExtractionStatus
from tests.factories import DocumentFactory, DocumentFileFactory


@pytest.fixture
def document_with_text():
    """A document whose file of the given language has the given extracted text, indexed."""

    def make(text="", language=DocumentFile.Language.RUSSIAN, file_audience="public", **document_fields):
        document = DocumentFactory(**document_fields)
        document_file = DocumentFileFactory(document=document, language=language, audience=file_audience)
        DocumentFile.objects.filter(pk=document_file.pk).update(
            extracted_text=text, extraction_status=ExtractionStatus.DONE
        )
        index_document(document)
        return document

    return make
