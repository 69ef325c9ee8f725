"""The article page's sharing metadata: AI label meta tags, Open Graph, Twitter card and
JSON-LD, all from ``articles.content.sharing`` and the page's one ``AILabel``."""

from django import template
from django.utils.safestring import SafeString

from articles.content.sharing import article_json_ld, json_ld_markup, share_card

register = template.Library()


@register.inclusion_tag("includes/share_meta.html", takes_context=True)
def article_share_meta(context, page) -> dict:
    language_code = context.get("LANGUAGE_CODE") or "zh-hans"
    return {"page": page, "card": share_card(page, language_code), "label": page.ai_label}


@register.simple_tag(takes_context=True)
def article_json_ld_script(context, page) -> SafeString:
    language_code = context.get("LANGUAGE_CODE") or "zh-hans"
    return json_ld_markup(article_json_ld(page, page.display.translator_names, language_code))
