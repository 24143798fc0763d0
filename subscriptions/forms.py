from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from documents.filters import DocumentFilter
from documents.models import Document
from participants.models import State
from subscriptions.models import Subscription


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)
    topic = forms.ChoiceField(label=_("What to follow"), choices=Subscription.Topic.choices, widget=forms.RadioSelect)
    kind = forms.ChoiceField(
        label=_("Only documents of this kind"), choices=[("", _("any kind")), *Document.Kind.choices], required=False
    )
    state = forms.ModelChoiceField(
        label=_("Only documents about this state"),
        queryset=State.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("any state"),
    )
    query = forms.CharField(
        label=_("Saved search"),
        max_length=500,
        required=False,
        help_text=_("The part of an archive address after “?”, for example q=migration&kind=report."),
    )

    def clean(self):
        data = super().clean()
        topic = data.get("topic")
        if topic == Subscription.Topic.DOCUMENTS:
            params = QueryDict(mutable=True)
            if data.get("kind"):
                params["kind"] = data["kind"]
            if data.get("state"):
                params["state"] = data["state"].slug
            data["query"] = params.urlencode()
        elif topic == Subscription.Topic.SEARCH:
            query = data.get("query", "").lstrip("?")
            if not query:
                self.add_error("query", _("Give the search to follow."))
            else:
                filterset = DocumentFilter(QueryDict(query), queryset=Document.objects.public(), request=None)
                if not filterset.is_valid():
                    self.add_error("query", _("This is not a valid search of the archive."))
            data["query"] = query
        else:
            data["query"] = ""
        return data
