"""One page in the admin of everything that still lacks its Russian or English text, across every translated model.

Which items lack a language is core.translation_status's rule (the same as each change list's
"translation" filter); which models are translated is modeltranslation's registry. One query counts
a model's gaps in both languages; one more lists its items.
"""

from dataclasses import dataclass, field

from django.contrib import admin
from django.contrib.admin.views.decorators import staff_member_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext
from modeltranslation.translator import translator

from core.i18n import LANGUAGE_CODES
from core.translation_status import missing_language_q, missing_languages

PREVIEW_SIZE = 10
PAGE_SIZE = 50


@dataclass
class Kind:
    model: type
    counts: dict[str, int]
    items: list = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.model._meta.label_lower

    @property
    def name(self) -> str:
        return capfirst(self.model._meta.verbose_name_plural)

    @property
    def total(self) -> int:
        return self.counts["any"]


def translated_models(user) -> list[type]:
    """The translated models this editor may look at in the admin, by name."""
    models = [
        model
        for model in translator.get_registered_models(abstract=False)
        if user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")
        or user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}")
    ]
    return sorted(models, key=lambda model: str(model._meta.verbose_name_plural))


def missing_q(model, language: str | None = None):
    if language:
        return missing_language_q(model, language)
    first, *others = LANGUAGE_CODES
    condition = missing_language_q(model, first)
    for code in others:
        condition |= missing_language_q(model, code)
    return condition


def count_gaps(model) -> dict[str, int]:
    """How many items lack each language, and lack any: one query."""
    counts = {code: Count("pk", filter=missing_language_q(model, code)) for code in LANGUAGE_CODES}
    return model._default_manager.aggregate(**counts, any=Count("pk", filter=missing_q(model)))


def items_lacking(model, language: str | None = None):
    # select_related() follows the required foreign keys that an item's name is made of (a paragraph's statement).
    return model._default_manager.filter(missing_q(model, language)).select_related().order_by("pk")


def change_url(item) -> str | None:
    """The admin page where this item is edited: its own, or its parent's when it is edited inline."""
    opts = item._meta
    if admin.site.is_registered(type(item)):
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])
    for parent_admin in admin.site._registry.values():
        for inline in parent_admin.inlines:
            if inline.model is type(item):
                for relation in opts.get_fields():
                    if getattr(relation, "related_model", None) is parent_admin.model and relation.many_to_one:
                        parent = parent_admin.model._meta
                        try:
                            return reverse(
                                f"admin:{parent.app_label}_{parent.model_name}_change",
                                args=[getattr(item, relation.attname)],
                            )
                        except NoReverseMatch:
                            return None
    return None


def describe(item) -> dict:
    return {"label": str(item), "url": change_url(item), "missing": [code.upper() for code in missing_languages(item)]}


@staff_member_required
def translation_dashboard(request):
    """Counts per kind and language, the first items of each kind, or one kind's items page by page."""
    models = translated_models(request.user)
    chosen_key = request.GET.get("kind", "")
    language = request.GET.get("missing", "")
    if language and language not in LANGUAGE_CODES:
        raise Http404(gettext("Unknown language."))
    kinds = [Kind(model, count_gaps(model)) for model in models]
    chosen = next((kind for kind in kinds if kind.key == chosen_key), None)
    if chosen_key and chosen is None:
        raise Http404(gettext("Unknown kind of item."))
    page = None
    if chosen is not None:
        paginator = Paginator(items_lacking(chosen.model, language or None), PAGE_SIZE)
        page = paginator.get_page(request.GET.get("page"))
        chosen.items = [describe(item) for item in page.object_list]
    else:
        for kind in kinds:
            if kind.total:
                kind.items = [describe(item) for item in items_lacking(kind.model)[:PREVIEW_SIZE]]
    context = {
        **admin.site.each_context(request),
        "title": gettext("Translations to do"),
        "kinds": kinds,
        "chosen": chosen,
        "language": language,
        "page": page,
        "languages": LANGUAGE_CODES,
        "total": sum(kind.total for kind in kinds),
    }
    return TemplateResponse(request, "admin/translation_dashboard.html", context)
