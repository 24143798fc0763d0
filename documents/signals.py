"""Hooks other apps use to follow the archive without the archive knowing them."""

from django.dispatch import Signal

# Sent after every text extraction attempt, with instance=<DocumentFile> (sender=DocumentFile).
# instance.extraction_status says whether instance.extracted_text is new (done) or empty (failed);
# search indexing listens to keep its index current.
file_text_extracted = Signal()
