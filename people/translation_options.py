"""Fields stored once per language (``*_en`` and ``*_zh_hans`` columns)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Organisation, Person, Quote, Term


@register(Person)
class PersonTranslationOptions(TranslationOptions):
    fields = ("name", "role", "affiliation", "bio")
    required_languages = {"en": ("name",)}


@register(Quote)
class QuoteTranslationOptions(TranslationOptions):
    fields = ("text", "context")


@register(Term)
class TermTranslationOptions(TranslationOptions):
    fields = ("term",)
    required_languages = ("en", "zh-hans")


@register(Organisation)
class OrganisationTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = {"en": ("name",)}
