"""Hooks other apps use to follow the archive without the archive knowing them."""

from django.dispatch import Signal

# Sent after every text extraction attempt, with instance=<DocumentFile> (sender=DocumentFile).
# instance.extraction_status says whether instance.extracted_text is new (done, ocr), empty (failed) or
# waiting for OCR (pending). OCR of a PDF's scanned pages sends it again when it is done.
file_text_extracted = Signal()

# Sent after a bulk update (QuerySet.update(), which sends no post_save) changed a field of
# documents or of their files that the search index copies, with ids=[document ids] (sender=the model).
documents_updated = Signal()
