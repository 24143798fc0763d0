from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Portal")

    def ready(self):
        from core import pagecache
        from core.editors import sync_editor_group

        pagecache.connect_signals()
        # After every migrate, so that new models' permissions reach the group.
        post_migrate.connect(sync_editor_group, dispatch_uid="core.sync_editor_group")
