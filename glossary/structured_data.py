"""The glossary as schema.org's DefinedTermSet, each published term a DefinedTerm."""

from django.urls import reverse
from django.utils.translation import gettext

from core.i18n import LANGUAGE_CODES, localized


def defined_term(term, url: str) -> dict:
    name = localized(term, "label").text
    return {
        "@type": "DefinedTerm",
        "@id": f"{url}#{term.slug}",
        "termCode": term.slug,
        "name": name,
        # Its words in both languages: the other language's label, abbreviations and synonyms.
        "alternateName": [phrase for code in LANGUAGE_CODES for phrase in term.phrases(code) if phrase != name],
        "description": localized(term, "definition").text,
        "url": f"{url}#{term.slug}",
        "inDefinedTermSet": url,
    }


def glossary_json_ld(terms, request) -> dict:
    url = request.build_absolute_uri(reverse("glossary:glossary"))
    return {
        "@type": "DefinedTermSet",
        "@id": url,
        "name": gettext("Glossary"),
        "url": url,
        "hasDefinedTerm": [defined_term(term, url) for term in terms],
    }
