"""Which items still miss their Russian or English text."""

from functools import reduce
from operator import or_

from django.db.models import Q
from modeltranslation.translator import NotRegistered, translator

from core.i18n import LANGUAGE_CODES


def translated_field_names(model) -> list[str]:
    try:
        return sorted(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return []


def _empty(field: str, language: str) -> Q:
    return Q(**{f"{field}_{language}": ""}) | Q(**{f"{field}_{language}__isnull": True})


def missing_language_q(model, language: str) -> Q:
    """Items where some field has text in another language but none in this one."""
    conditions = []
    for field in translated_field_names(model):
        others = [code for code in LANGUAGE_CODES if code != language]
        has_other = reduce(or_, (~_empty(field, code) for code in others))
        conditions.append(_empty(field, language) & has_other)
    if not conditions:
        return Q(pk__in=[])
    return reduce(or_, conditions)


def missing_languages(instance) -> list[str]:
    """The languages in which this item still lacks some text."""
    missing = []
    for language in LANGUAGE_CODES:
        for field in translated_field_names(type(instance)):
            own = getattr(instance, f"{field}_{language}", "")
            others = [getattr(instance, f"{field}_{code}", "") for code in LANGUAGE_CODES if code != language]
            if not own and any(others):
                missing.append(language)
                break
    return missing
