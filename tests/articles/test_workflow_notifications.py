from django.contrib.auth.models import Group
from django.core import mail

import pytest

from articles.editorial.workflow import assign_translation_workflow
from articles.models import ArticlePage
from tests.articles.workflow_helpers import create_and_submit, workflow_action
from tests.factories import ArticleIndexPageFactory

pytestmark = pytest.mark.django_db


def member(django_user_model, username: str, group: str):
    user = django_user_model.objects.create_user(
        username, email=f"{username}@example.com", password="x"
    )
    user.groups.add(Group.objects.get(name=group))
    return user


def test_the_next_people_in_the_workflow_are_emailed(client, home_page, django_user_model):
    index = ArticleIndexPageFactory(slug="articles")
    assign_translation_workflow(index)
    translator = member(django_user_model, "li", "Translators")
    reviewer = member(django_user_model, "wang", "Reviewers")
    member(django_user_model, "zhao", "Editors")

    client.force_login(translator)
    create_and_submit(client, index)
    to_reviewer = [message for message in mail.outbox if reviewer.email in message.to]
    assert to_reviewer, [message.to for message in mail.outbox]
    assert "感知机往事" in to_reviewer[0].subject + to_reviewer[0].body

    mail.outbox.clear()
    client.force_login(reviewer)
    workflow_action(client, ArticlePage.objects.get(slug="perceptron"), "approve")
    recipients = {address for message in mail.outbox for address in message.to}
    # The abridgment step is for reviewers and editors; whoever acted is not told.
    assert "zhao@example.com" in recipients
    assert reviewer.email not in recipients
