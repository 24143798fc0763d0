"""What other apps' pages show of the action plan, asked from their templates.

A meeting's paragraphs and a state's page list activities without their views importing this app:
the layers stay as they are (actionplan sits above meetings and participants), and the rule of who
sees which activity stays in `Activity.objects.visible_to`.
"""

from django import template
from django.db.models import Prefetch, prefetch_related_objects

from actionplan.models import Activity

register = template.Library()

# A state's page shows this many activities, latest first, and links to the filtered plan for the rest.
STATE_ACTIVITIES_SHOWN = 5


@register.simple_tag(takes_context=True)
def with_activities(context, paragraphs):
    """The paragraphs, each with `plan_activities`: the activities it gave rise to that the reader may see.

    One query for all the paragraphs, however many there are.
    """
    paragraphs = list(paragraphs)
    visible = Activity.objects.visible_to(context["request"].user).order_by("priority__position", "position", "pk")
    prefetch_related_objects(paragraphs, Prefetch("activities", queryset=visible, to_attr="plan_activities"))
    return paragraphs


@register.simple_tag(takes_context=True)
def state_activities(context, state):
    """The latest activities this state leads or joins that the reader may see, and how many there are."""
    activities = Activity.objects.visible_to(context["request"].user).led_or_joined_by(state)
    return {
        "activities": list(activities.order_by("-start_date", "-pk")[:STATE_ACTIVITIES_SHOWN]),
        "count": activities.count(),
        "shown": STATE_ACTIVITIES_SHOWN,
    }
