from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = _("Media monitoring")

    def ready(self):
        # Connect the receivers that rebuild an information sheet's PDFs when it changes.
        from monitoring import signals  # noqa: F401
