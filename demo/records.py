"""How the demo writes its records: validated upserts, and a bilingual text spread over its two fields."""

from demo.data import T


def both(name: str, text: T) -> dict[str, str]:
    return {f"{name}_ru": text.ru, f"{name}_en": text.en}


def upsert(model, lookup: dict, **values):
    """Create or update the object found by `lookup`, validating it first."""
    obj = model.objects.filter(**lookup).first() or model(**lookup)
    for name, value in values.items():
        setattr(obj, name, value)
    obj.full_clean()
    obj.save()
    return obj
