"""The secretariat's glossary of migration and refugee-protection terms, in Russian and English."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.history import keeps_history
from core.i18n import LANGUAGE_CODES
from core.models import Publishable, PublishableQuerySet
from core.validators import validate_single_line

# The fields a site search looks in (search.engine.text_q), in every language.
SEARCHED_FIELDS = [
    f"{name}_{code}" for name in ("label", "abbreviations", "synonyms", "definition") for code in LANGUAGE_CODES
]
# One synonym or abbreviation a line in the admin; a CSV cell joins them with this (core.csv.cell does).
LIST_SEPARATOR = ";"


def label_key(text: str) -> str:
    """What makes two labels the same label: case, «ё» and spacing do not count."""
    return re.sub(r"\s+", " ", text.casefold().replace("ё", "е")).strip()


def split_lines(text: str) -> list[str]:
    """The items of a one-per-line field, trimmed, without empty lines."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


@keeps_history()
class Term(Publishable):
    """A term with its label, synonyms, abbreviations and short definition in each language."""

    label = models.CharField(_("term"), max_length=200, blank=True, validators=[validate_single_line])
    synonyms = models.TextField(
        _("synonyms"), blank=True, help_text=_("One a line: other words for the same notion in this language.")
    )
    abbreviations = models.TextField(
        _("abbreviations"), blank=True, help_text=_("One a line, for example «УВКБ ООН» or “UNHCR”.")
    )
    definition = models.TextField(_("short definition"), blank=True)
    source_name = models.CharField(
        _("source"),
        max_length=200,
        blank=True,
        validators=[validate_single_line],
        help_text=_("The public glossary the definition follows, for example “IOM Glossary on Migration (2019)”."),
    )
    source_url = models.URLField(_("address of the source"), blank=True)
    slug = models.SlugField(
        _("slug"), max_length=120, unique=True, help_text=_("The term's anchor on the glossary page; keep it stable.")
    )

    objects = PublishableQuerySet.as_manager()

    class Meta:
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        ordering = ["label_en", "pk"]

    def __str__(self):
        return next((label for label in self.labels() if label), self.slug)

    def get_absolute_url(self):
        return reverse("glossary:glossary") + f"#{self.slug}"

    def labels(self) -> list[str]:
        return [getattr(self, f"label_{code}", "") or "" for code in LANGUAGE_CODES]

    def synonym_list(self, language: str) -> list[str]:
        return split_lines(getattr(self, f"synonyms_{language}", ""))

    def abbreviation_list(self, language: str) -> list[str]:
        return split_lines(getattr(self, f"abbreviations_{language}", ""))

    def phrases(self, language: str) -> list[str]:
        """Every way the term is written in this language: its label, abbreviations and synonyms."""
        label = getattr(self, f"label_{language}", "") or ""
        found = [label] if label else []
        return found + self.abbreviation_list(language) + self.synonym_list(language)

    def clean(self):
        errors = {}
        if not any(self.labels()):
            message = _("Give the term in Russian, in English or in both.")
            errors.update({f"label_{code}": [message] for code in LANGUAGE_CODES})
        for code in LANGUAGE_CODES:
            for field in ("synonyms", "abbreviations"):
                items = split_lines(getattr(self, f"{field}_{code}", ""))
                problems = [item for item in items if LIST_SEPARATOR in item]
                if problems:
                    errors.setdefault(f"{field}_{code}", []).append(
                        _("Put each item on its own line instead of separating them with «;»: %(item)s")
                        % {"item": problems[0]}
                    )
                seen = set()
                for item in items:
                    if label_key(item) in seen:
                        errors.setdefault(f"{field}_{code}", []).append(
                            _("“%(item)s” is listed twice.") % {"item": item}
                        )
                    seen.add(label_key(item))
        errors.update(self._label_clashes())
        if errors:
            raise ValidationError(errors)

    def _label_clashes(self) -> dict[str, list]:
        """Labels another term already has, in the same language (case and «ё» aside)."""
        errors = {}
        others = Term.objects.exclude(pk=self.pk) if self.pk else Term.objects.all()
        for code in LANGUAGE_CODES:
            label = getattr(self, f"label_{code}", "") or ""
            if not label:
                continue
            key = label_key(label)
            candidates = others.filter(**{f"label_{code}__iregex": _loose_pattern(label)})
            clash = next((other for other in candidates if label_key(getattr(other, f"label_{code}")) == key), None)
            if clash is not None:
                errors[f"label_{code}"] = [
                    _("Another term already has this label: “%(label)s” (%(slug)s).")
                    % {"label": getattr(clash, f"label_{code}"), "slug": clash.slug}
                ]
        return errors


def _loose_pattern(label: str) -> str:
    """A regular expression that matches the label with either «е» or «ё» and any spacing."""
    parts = []
    for character in label_key(label):
        if character in "её":
            parts.append("[её]")
        elif character == " ":
            parts.append(r"\s+")
        else:
            parts.append(re.escape(character))
    return "^\\s*" + "".join(parts) + "\\s*$"
