from modeltranslation.translator import TranslationOptions, register

from actionplan.models import ActionPlan, Activity, Priority, ProgressUpdate


@register(ActionPlan)
class ActionPlanTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Priority)
class PriorityTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Activity)
class ActivityTranslation(TranslationOptions):
    fields = ("title", "description")


@register(ProgressUpdate)
class ProgressUpdateTranslation(TranslationOptions):
    fields = ("text",)
