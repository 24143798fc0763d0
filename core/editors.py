"""The "Secretariat editors" group: everything an editor of the archive needs, nothing more.

Editors add, change, delete and view content. They do not manage user accounts,
groups or permissions; that stays with administrators.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

EDITOR_GROUP_NAME = "Secretariat editors"

EDITED_MODELS = {
    "participants": ["state", "focalpoint", "organisation"],
    "meetings": ["meeting", "participation", "outcomestatement", "statementparagraph"],
    "documents": ["document", "documentfile"],
    "pages": ["page", "newsitem"],
    "glossary": ["term"],
    "accounts": ["delegate"],
    "actionplan": ["actionplan", "priority", "activity", "progressupdate"],
    "indicators": ["indicator", "indicatorvalue"],
    "monitoring": ["topic", "monitoringitem", "informationsheet"],
    "intake": ["invitation", "submission"],
}
# Editors read, but never alter, who downloaded restricted files and how background jobs went.
VIEWED_MODELS = {
    "accounts": ["restricteddownload"],
    "django_tasks_db": ["dbtaskresult"],
}


def editor_permissions():
    by_app = Q()
    for app_label, models in EDITED_MODELS.items():
        by_app |= Q(content_type__app_label=app_label, content_type__model__in=models)
    for app_label, models in VIEWED_MODELS.items():
        codenames = [f"view_{model}" for model in models]
        by_app |= Q(content_type__app_label=app_label, codename__in=codenames)
    return Permission.objects.filter(by_app)


def sync_editor_group(**kwargs) -> Group:
    group, _ = Group.objects.get_or_create(name=EDITOR_GROUP_NAME)
    group.permissions.set(editor_permissions())
    return group
