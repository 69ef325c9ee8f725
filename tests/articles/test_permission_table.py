"""docs/workflow.md's permission table is the one the code enforces."""

from pathlib import Path

from django.conf import settings

from articles.editorial.permissions import TABLE, Action
from articles.editorial.roles import EDITORS, PAGE_PERMISSIONS, REVIEWERS, TRANSLATORS

DOC = Path(settings.BASE_DIR) / "docs" / "workflow.md"
COLUMNS = (EDITORS, TRANSLATORS, REVIEWERS)


def documented_rows() -> dict[str, list[str]]:
    text = DOC.read_text(encoding="utf-8").split("### Permission table", 1)[1]
    rows = {}
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 5 and cells[0].startswith("`"):
            rows[cells[0].strip("`")] = cells[1:]
    return rows


def test_the_documented_table_is_the_enforced_one():
    rows = documented_rows()
    assert set(rows) == {action.value for action in Action}
    for action, rule in TABLE.items():
        *roles, page = rows[action.value]
        documented = {role for role, cell in zip(COLUMNS, roles, strict=True) if cell == "yes"}
        assert documented == set(rule.roles), action
        if rule.page:
            assert page.split()[0] == rule.page, action
        else:
            assert page in {"—", "rows of pages they see"}, action


def test_only_editors_hold_the_delete_page_permission():
    holders = {role for role, codenames in PAGE_PERMISSIONS.items() if "delete_page" in codenames}
    assert holders == set(TABLE[Action.DELETE_PAGE].roles) == {EDITORS}
