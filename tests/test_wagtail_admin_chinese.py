"""Wagtail's own admin screens off the editorial path (images, users, groups, sites,
redirects, workflows, reports, snippets) read in Chinese.

Wagtail's zh_Hans catalogue leaves some of their labels in English; the project's
``locale_overrides`` catalogue gives them Chinese (locale/README.md). Each screen is checked
for one label it translates, in both languages (so the English really is on the screen), and
for none of the overrides' English.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.users.models import UserProfile

import pytest

from tests.admin_users import logged_in
from tests.rendered_forms import RenderedForm
from tests.test_admin_language import catalogue_entries, english_runs, untranslated

pytestmark = pytest.mark.django_db

OVERRIDES = Path(settings.BASE_DIR) / "locale_overrides" / "zh_Hans" / "LC_MESSAGES" / "django.po"

# Screen, its address, and a label Wagtail shows there in English with the Chinese the
# overrides give it.
SCREENS = [
    ("images", "wagtailimages:index", "Grid layout", "网格布局"),
    ("users", "wagtailusers_users:index", "in ascending order", "升序排列"),
    ("new user", "wagtailusers_users:add", "Letters, digits and @/./+/-/_", "字母、数字和"),
    ("new group", "wagtailusers_groups:add", "Toggle all delete permissions", "切换所有删除权限"),
    ("admin access", "wagtailusers_groups:add", "Can access Wagtail admin", "访问 Wagtail 后台"),
    ("sites", "wagtailsites:index", "in descending order", "降序排列"),
    ("redirect import", "wagtailredirects:start_import", "they can be named anything", "列名不限"),
    ("workflows", "wagtailadmin_workflows:index", "Show disabled", "显示已停用"),
    ("tasks", "wagtailadmin_workflows:task_index", "Show disabled", "显示已停用"),
    ("locked pages report", "wagtailadmin_reports:locked_pages", "Locked by", "锁定人"),
    ("dashboard", "wagtailadmin_home", "Wagtail upgrade available", "Wagtail 有可用的升级"),
]  # fmt: skip


@cache
def override_english() -> frozenset[str]:
    """English runs of every Wagtail message the overrides catalogue translates."""
    runs: set[str] = set()
    for entry in catalogue_entries(OVERRIDES):
        for message in filter(None, (entry["msgid"], entry["plural"])):
            runs.update(english_runs(message))
    return frozenset(runs)


def _admin(django_user_model, language: str):
    user = django_user_model.objects.create_superuser("chief", "chief@example.com", "x")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return logged_in(user)


def _html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize(
    ("name", "url_name", "english", "chinese"), SCREENS, ids=[s[0] for s in SCREENS]
)
def test_wagtail_screens_show_their_labels_in_chinese(
    django_user_model, name, url_name, english, chinese
):
    html = _html(_admin(django_user_model, "zh-hans"), reverse(url_name))
    assert chinese in html
    assert english not in html
    assert not untranslated(html, override_english())


def test_the_same_screens_show_the_english_to_an_english_user(django_user_model):
    """Wagtail's English really is on these screens: the Chinese test checks something."""
    client = _admin(django_user_model, "en")
    for name, url_name, english, _chinese in SCREENS:
        assert english in _html(client, reverse(url_name)), name


def test_a_redirect_file_in_the_wrong_encoding_is_refused_in_chinese(django_user_model):
    client = _admin(django_user_model, "zh-hans")
    url = reverse("wagtailredirects:start_import")
    form = RenderedForm(_html(client, url), 'form[enctype="multipart/form-data"]')
    data = form.data()
    data["import_file"] = SimpleUploadedFile(
        "redirects.csv", "from,to\n/alt,/neu\n".encode("utf-16")
    )
    response = client.post(form.action or url, data, follow=True)
    html = response.content.decode()
    assert "导入的文件编码有误" in html
    assert "Imported file has a wrong encoding" not in html
