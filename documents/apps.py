from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Documents")

    def ready(self):
        # Connect the receivers that keep the search index current and restores whole.
        from documents import compilation, indexing, restoring, whole_archive  # noqa: F401

        whole_archive.connect_signals()
        compilation.connect_signals()
