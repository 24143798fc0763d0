"""The one way the API gives text kept in several languages: {"ru": ..., "en": ...}, null where missing."""

from django.conf import settings
from django.utils import translation
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.i18n import LANGUAGE_CODES


def _by_language(item_schema: dict) -> dict:
    return {
        "type": "object",
        "properties": {code: item_schema for code in LANGUAGE_CODES},
        "required": list(LANGUAGE_CODES),
        "additionalProperties": False,
    }


@extend_schema_field(_by_language({"type": "string", "nullable": True}))
class TranslatedField(serializers.Field):
    """A translated model field (django-modeltranslation's ``name_ru``, ``name_en``...) in every language.

    ``TranslatedField()`` reads the field of the same name; ``TranslatedField("title")`` another one, and
    ``TranslatedField("title", of="statement")`` the field of a related object.
    A language without text is null: the reader sees that it is missing rather than another language's text.
    """

    def __init__(self, field: str | None = None, of: str | None = None, **kwargs):
        self.field = field
        super().__init__(source=of or "*", read_only=True, **kwargs)

    def bind(self, field_name, parent):
        super().bind(field_name, parent)
        self.field = self.field or field_name

    def value(self, obj, code):
        return getattr(obj, f"{self.field}_{code}", None) or None

    def to_representation(self, obj):
        return {code: self.value(obj, code) for code in LANGUAGE_CODES}


@extend_schema_field(_by_language({"type": "array", "items": {"type": "string"}}))
class TranslatedLinesField(TranslatedField):
    """A translated field holding one item a line (a term's synonyms), as a list in every language."""

    def value(self, obj, code):
        text = getattr(obj, f"{self.field}_{code}", None) or ""
        return [line.strip() for line in text.splitlines() if line.strip()]


@extend_schema_field(_by_language({"type": "string", "format": "uri"}))
class PageUrlField(serializers.Field):
    """The address of the item's page on the site, in every language (each has its own prefix)."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        request = self.context.get("request")
        addresses = {}
        for code in LANGUAGE_CODES:
            with translation.override(code):
                path = obj.get_absolute_url()
            addresses[code] = request.build_absolute_uri(path) if request is not None else path
        return addresses


@extend_schema_field({"type": "string", "format": "uri"})
class DownloadUrlField(serializers.Field):
    """The address a file is downloaded from (in the portal's default language: the file is the same)."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        request = self.context.get("request")
        with translation.override(settings.LANGUAGE_CODE):
            path = obj.get_absolute_url()
        return request.build_absolute_uri(path) if request is not None else path
