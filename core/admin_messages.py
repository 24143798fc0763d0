"""Django's, django-reversion's and django-axes' own admin strings, re-translated in our catalogue.

Nothing imports this module: it exists so that ``makemessages`` (scripts/update_messages.sh) keeps
these msgids in locale/ru/LC_MESSAGES/django.po, where our Russian overrides the packages' own
(LOCALE_PATHS comes first). makemessages only keeps entries it finds in our sources, so without this
file the overrides would be dropped as obsolete.

Why: the packages build messages by inserting a verbose name or a count into a sentence written for
one gender and case («Государство "Монголия" был успешно добавлен», «Добавить страница»,
«Удалить выбранные участие»). Our wording fits any noun: «Запись «…» (государство) добавлена»,
«Добавить: страница». Some strings are left in English by the packages; they are translated here.
Each msgid must match the package's exactly, curly quotes included.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

DJANGO_ADMIN = (
    # Success and error messages after add, change and delete (django/contrib/admin/options.py).
    gettext_noop("The {name} “{obj}” was added successfully."),
    gettext_noop("The {name} “{obj}” was added successfully. You may add another {name} below."),
    gettext_noop("The {name} “{obj}” was changed successfully."),
    gettext_noop("The {name} “{obj}” was changed successfully. You may edit it again below."),
    gettext_noop("The {name} “{obj}” was changed successfully. You may add another {name} below."),
    gettext_noop("The %(name)s “%(obj)s” was deleted successfully."),
    gettext_noop("%(name)s with ID “%(key)s” doesn’t exist. Perhaps it was deleted?"),
    ngettext_lazy("%(count)s %(name)s was changed successfully.", "%(count)s %(name)s were changed successfully."),
    # Bulk deletion (django/contrib/admin/actions.py) and its confirmation page.
    gettext_noop("Delete selected %(verbose_name_plural)s"),
    gettext_noop("Successfully deleted %(count)d %(items)s."),
    gettext_noop("Cannot delete %(name)s"),
    gettext_noop(
        "Deleting the selected %(objects_name)s would result in deleting related objects, but your account "
        "doesn't have permission to delete the following types of objects:"
    ),
    gettext_noop(
        "Deleting the selected %(objects_name)s would require deleting the following protected related objects:"
    ),
    gettext_noop(
        "Are you sure you want to delete the selected %(objects_name)s? All of the following objects and their "
        "related items will be deleted:"
    ),
    # Deletion of one object.
    gettext_noop(
        "Deleting the %(object_name)s '%(escaped_object)s' would result in deleting related objects, but your "
        "account doesn't have permission to delete the following types of objects:"
    ),
    gettext_noop(
        "Deleting the %(object_name)s '%(escaped_object)s' would require deleting the following protected related "
        "objects:"
    ),
    gettext_noop(
        'Are you sure you want to delete the %(object_name)s "%(escaped_object)s"? All of the following related '
        "items will be deleted:"
    ),
    gettext_noop(
        "Deleting %(class_name)s %(instance)s would require deleting the following protected related objects: "
        "%(related_objects)s"
    ),
    # Page titles, buttons and links that name the model.
    gettext_noop("Add %(name)s"),
    gettext_noop("Add %s"),
    gettext_noop("Change %s"),
    gettext_noop("View %s"),
    gettext_noop("Select %s"),
    gettext_noop("Select %s to change"),
    gettext_noop("Select %s to view"),
    gettext_noop("Add another %(verbose_name)s"),
    gettext_noop("Change selected %(model)s"),
    gettext_noop("Add another %(model)s"),
    gettext_noop("Delete selected %(model)s"),
    gettext_noop("View selected %(model)s"),
    gettext_noop("Save and add another"),
    # «Да, я уверен» assumes a man at the keyboard.
    gettext_noop("Yes, I’m sure"),
    gettext_noop("Select this object for an action - {}"),
    gettext_noop("Start typing to filter…"),
    gettext_noop("Popup closing…"),
    gettext_noop("Hold down “Control”, or “Command” on a Mac, to select more than one."),
    gettext_noop("Home"),
    # Counts on the change list.
    ngettext_lazy("%(total_count)s selected", "All %(total_count)s selected"),
    gettext_noop("0 of %(cnt)s selected"),
    gettext_noop("Select all %(total_count)s %(module_name)s"),
    gettext_noop("%(full_result_count)s total"),
    # History as the admin writes it (django/contrib/admin/models.py LogEntry.get_change_message).
    gettext_noop("Added {name} “{object}”."),
    gettext_noop("Changed {fields} for {name} “{object}”."),
    gettext_noop("Changed {fields}."),
    gettext_noop("Deleted {name} “{object}”."),
    gettext_noop("Added “%(object)s”."),
    gettext_noop("Changed “%(object)s” — %(changes)s"),
    gettext_noop("Deleted “%(object)s.”"),
    gettext_noop("This object doesn’t have a change history. It probably wasn’t added via this admin site."),
)

DJANGO_FORMS = (
    # Validation messages that insert a model's and a field's name (django/db/models/base.py,
    # django/forms/models.py); core.admin names fields by their verbose names in the formset messages.
    gettext_noop("%(model_name)s with this %(field_label)s already exists."),
    gettext_noop("%(model_name)s with this %(field_labels)s already exists."),
    gettext_noop("Please correct the duplicate data for %(field)s."),
    gettext_noop("Please correct the duplicate data for %(field)s, which must be unique."),
    gettext_noop("Please correct the duplicate values below."),
    # Django's own Russian quotes with “ “ and writes «учетная».
    gettext_noop("Constraint “%(name)s” is violated."),
    gettext_noop("“%(pk)s” is not a valid value."),
    gettext_noop("Please either submit a file or check the clear checkbox, not both."),
    gettext_noop("This account is inactive."),
)

REVERSION = (
    gettext_noop("Initial version."),
    gettext_noop("Reverted to previous version, saved on %(datetime)s"),
    gettext_noop('The %(model)s "%(name)s" was reverted successfully. You may edit it again below.'),
    gettext_noop("Could not load %(object_repr)s version - not found"),
    gettext_noop("Could not save %(object_repr)s version - missing dependency."),
    gettext_noop("Could not load %(object_repr)s version - incompatible version data."),
    gettext_noop("Could not load %(object_repr)s version - unknown serializer %(format)s."),
    gettext_noop("Recover deleted %(name)s"),
    gettext_noop("Recover deleted %(verbose_name)s"),
    gettext_noop("Recover %s"),
    gettext_noop("Recover %(name)s"),
    gettext_noop("Revert %(name)s"),
    gettext_noop("Revert %(verbose_name)s"),
    gettext_noop("Choose a date from the list below to revert to a previous version of this object."),
    gettext_noop("Choose a date from the list below to recover a deleted version of an object."),
    gettext_noop("Press the save button below to recover this version of the object."),
    gettext_noop("Press the save button below to revert to this version of the object."),
    gettext_noop("There are no deleted objects to recover."),
    gettext_noop("This object doesn't have a change history. It probably wasn't added via this admin site."),
    gettext_noop("Date/time"),
    gettext_noop("Action"),
    gettext_noop("Reversion"),
    gettext_noop("date created"),
    gettext_noop("comment"),
    gettext_noop("revision"),
    gettext_noop("revisions"),
    gettext_noop("version"),
    gettext_noop("versions"),
)

AXES = (
    gettext_noop("Account locked: too many login attempts. Please try again later."),
    gettext_noop("Account locked: too many login attempts. Contact an admin to unlock your account."),
    gettext_noop("access attempt"),
    gettext_noop("access attempts"),
    gettext_noop("access log"),
    gettext_noop("access logs"),
    gettext_noop("access failure"),
    gettext_noop("access failures"),
    gettext_noop("access attempt expiration"),
    gettext_noop("access attempt expirations"),
    gettext_noop("Access Attempt"),
    gettext_noop("Access lock out"),
    gettext_noop("Attempt Time"),
    gettext_noop("Attempt Remaining"),
    gettext_noop("Logout Time"),
    gettext_noop("Locked Out"),
    gettext_noop("Expires At"),
    gettext_noop("The time when access attempt expires and is no longer valid."),
    gettext_noop("Form Data"),
    gettext_noop("Meta Data"),
    gettext_noop("GET Data"),
    gettext_noop("POST Data"),
    gettext_noop("User Agent"),
    gettext_noop("IP Address"),
    gettext_noop("Username"),
    gettext_noop("HTTP Accept"),
    gettext_noop("Path"),
    gettext_noop("Failed Logins"),
    gettext_noop("Session key hash (sha256)"),
    gettext_noop("Clean up expired attempts"),
    gettext_noop("Cleaned up {count} expired access attempts."),
    gettext_noop("Not set"),
)
