"""``manage.py import_article [--original FILE | --original-from URL] [--translation FILE |
--url URL] [--parent PATH] [--title TITLE] [--original-url URL] [--dry-run] [--json]``: the
admin's paste-and-align import, for bulk work from the shell. ``--url`` (also spelt
``--translation-from``) and ``--original-from`` fetch a side from a public web page
(``articles.importing.adapter.fetch``) instead of reading a file. ``--into PAGE_ID
--original FILE`` attaches the English original to an existing article instead
(``articles.importing.adapter.attach``): one new revision, the Chinese unchanged.

The article is created as a draft (see ``articles.importing.adapter``); bad input ends in a plain
message and a non-zero exit, with nothing created.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser, no_translations

from wagtail.models import Page, Site

from articles.editorial.stale_writes import StaleWrite
from articles.importing.adapter import Source, create_article, plan_import
from articles.importing.adapter.attach import accept_attach, article_for, plan_attach
from articles.importing.adapter.fetch import fetch_page
from articles.importing.engine import DEFAULT_LIMITS, ImportInputError
from articles.models import ArticleIndexPage

SIDE_OPTIONS = ("original", "translation", "original_from", "translation_from")


class Command(BaseCommand):
    help = (
        "Import an English original and/or its Chinese translation (HTML, Markdown or plain "
        "text) as a draft article: split into sections, aligned, with a proposed status per "
        "section. Give at least one of --original and --translation; --url (the translation) "
        "and --original-from fetch a side from a public web page instead of a file."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--original", metavar="FILE", help="The English original.")
        parser.add_argument("--translation", metavar="FILE", help="The Chinese translation.")
        parser.add_argument(
            "--url",
            "--translation-from",
            dest="translation_from",
            metavar="URL",
            help="Fetch the Chinese translation from this http(s) address instead of a file.",
        )
        parser.add_argument(
            "--original-from",
            metavar="URL",
            help="Fetch the English original from this http(s) address instead of a file "
            "(the address becomes the original's address unless the page names another).",
        )
        parser.add_argument(
            "--parent",
            metavar="PATH",
            help="The article index's address, e.g. /articles/ (default: the first index).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Show the plan; save nothing.")
        parser.add_argument("--json", action="store_true", help="Print the result as JSON.")
        parser.add_argument(
            "--original-url",
            metavar="URL",
            help="The original's address, when neither file names it.",
        )
        parser.add_argument(
            "--title",
            metavar="TITLE",
            help="The article's title, instead of the one proposed from the files.",
        )
        parser.add_argument(
            "--into",
            metavar="PAGE_ID",
            help="Attach the English original (--original) to this existing article instead "
            "of creating one.",
        )

    # A command for the shell speaks the shell's English throughout: its own report and the
    # importer's warnings and errors alike.
    @no_translations
    def handle(self, *args, **options) -> None:
        if options["into"]:
            self.attach(options)
            return
        for side in ("original", "translation"):
            if options[side] and options[f"{side}_from"]:
                flag = "--url" if side == "translation" else "--original-from"
                raise CommandError(f"Give --{side} FILE or {flag} URL, not both.")
        if not any(options[name] for name in SIDE_OPTIONS):
            raise CommandError(
                "Give --original FILE, --translation FILE or both "
                "(or fetch them: --original-from URL, --url URL)."
            )
        original = self.read(options["original"])
        translation = self.read(options["translation"])
        fetched_original_url = ""
        if options["original_from"]:
            original, fetched_original_url = self.fetch(options["original_from"])
        if options["translation_from"]:
            translation, _url = self.fetch(options["translation_from"])
        parent = find_parent(options["parent"])
        try:
            plan = plan_import(original, translation)
            page = None
            if not options["dry_run"]:
                overrides = {
                    "original_url": options["original_url"]
                    or (not plan.metadata.original_url and fetched_original_url)
                    or "",
                    "title": (options["title"] or "").strip(),
                }
                page = create_article(plan, parent, user=None, overrides=overrides)
        except ImportInputError as error:
            raise CommandError(error.message) from None
        if options["json"]:
            result = plan.as_json(page.pk if page else None)
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
            return
        self.report(plan, page, parent)

    def attach(self, options) -> None:
        """``--into``: propose the English of each section and save it as one revision."""
        others = ("translation", "translation_from")
        if not (options["original"] or options["original_from"]) or any(
            options[name] for name in others
        ):
            raise CommandError("With --into, give --original FILE (and no translation).")
        original = self.read(options["original"])
        fetched_url = ""
        if options["original_from"]:
            original, fetched_url = self.fetch(options["original_from"])
        try:
            page = article_for(options["into"])
            loaded = page.latest_revision
            plan = plan_attach(page, original)
            if not plan.original_url and fetched_url:
                # The fetched page is the original, unless it names another address.
                plan.metadata.page_url = fetched_url
            if not options["dry_run"]:
                accept_attach(
                    page,
                    plan,
                    user=None,
                    loaded_revision_id=loaded.pk if loaded else None,
                    loaded_created_at=loaded.created_at.isoformat() if loaded else None,
                )
        except ImportInputError as error:
            raise CommandError(error.message) from None
        except StaleWrite as error:
            raise CommandError(str(error)) from None
        if options["json"]:
            self.stdout.write(json.dumps(plan.as_json(), ensure_ascii=False, indent=2))
            return
        write = self.stdout.write
        for number, section in enumerate(plan.sections, 1):
            label = section.heading_zh or section.heading_en or "—"
            new = " (new)" if section.is_new else ""
            write(f"{number:>3}. {section.status:<9}{new} {label}")
            for text in [] if section.is_new else section.missing:
                write(f"     no Chinese counterpart: {text[:100]}")
        for warning in plan.warnings:
            write(self.style.WARNING(f"Warning: {warning}"))
        if options["dry_run"]:
            write("Dry run: nothing was saved.")
        else:
            write(
                self.style.SUCCESS(f'Attached the original to "{page.title}" (page id {page.pk}).')
            )

    def read(self, name: str | None) -> Source | None:
        if not name:
            return None
        path = Path(name)
        try:
            size = path.stat().st_size
            if not path.is_file():
                raise CommandError(f"{name} is not a file.")
            # Refuse before reading: a 50 MB file need not be loaded to be turned away.
            DEFAULT_LIMITS.check_size(size)
            data = path.read_bytes()
        except FileNotFoundError:
            raise CommandError(f"There is no file {name}.") from None
        except ImportInputError as error:
            raise CommandError(f"{name}: {error.message}") from None
        except OSError as error:
            raise CommandError(f"{name} cannot be read: {error.strerror}.") from None
        return Source(data, filename=path.name)

    def fetch(self, url: str) -> tuple[Source, str]:
        """The page at ``url`` as a source, and the address it came from after redirects; a
        refusal ends the command with nothing created."""
        try:
            page = fetch_page(url)
        except ImportInputError as error:
            raise CommandError(error.message) from None
        return Source(page.text, filename=page.filename), page.url

    def report(self, plan, page, parent) -> None:
        write = self.stdout.write
        title = plan.title_zh or plan.title_en
        if title:
            write(f"Proposed title: {title}")
        for number, section in enumerate(plan.sections, 1):
            confidence = "" if section.confidence is None else f" ({section.confidence:.2f})"
            write(f"{number:>3}. {section.status:<9}{confidence} {section.heading or '—'}")
            if section.evidence and section.status != "full":
                write(f"     {section.evidence}")
        for warning in plan.warnings:
            write(self.style.WARNING(f"Warning: {warning}"))
        if page is None:
            write(f"Dry run: nothing was saved (would be created under {parent.url_path}).")
        else:
            write(self.style.SUCCESS(f'Created the draft "{page.title}" (page id {page.pk}).'))


def find_parent(path: str | None) -> ArticleIndexPage:
    """The article index at a public address such as ``/articles/`` (or ``/en/articles/``)."""
    if not path:
        index = ArticleIndexPage.objects.order_by("path").first()
        if index is None:
            raise CommandError("There is no article index page to import into; create one.")
        return index
    if path.strip().isdigit():
        candidates = Page.objects.filter(pk=int(path))
    else:
        parts = [p for p in path.strip().split("/") if p]
        if parts and parts[0] in ("en", "zh-hans"):
            parts = parts[1:]
        rest = "/".join(parts) + "/" if parts else ""
        url_paths = {"/" + rest}
        for site in Site.objects.select_related("root_page"):
            url_paths.add(site.root_page.url_path + rest)
        candidates = Page.objects.filter(url_path__in=url_paths)
    for page in candidates.specific():
        if isinstance(page, ArticleIndexPage):
            return page
    raise CommandError(f"{path} is not the address of an article index page.")
