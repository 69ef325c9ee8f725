"""CPU time of everyday admin screens for each role, with the sidebar kept per user
(cms/admin_sidebar.py) against Wagtail's sidebar built on every screen, in one run.

Builds a throwaway in-memory test database with the demo content and renders each screen
through Django's test client as the demo editor, translator and reviewer. The two ways take
turns, round by round, so that a machine growing busier or quieter weighs on both alike;
Wagtail's way is had by giving every screen a new generation, so nothing kept is found.

    .venv/bin/python bench/admin_screens.py [--rounds 12] [--renders 3]
"""

import argparse
import statistics
import time
import uuid

from throwaway_db import in_test_database

ROLES = ("editor", "translator", "reviewer")
# Each screen, and the roles that work on it.
SCREENS = (
    ("dashboard", "/admin/", ROLES),
    ("abridgments report", "/admin/reports/abridgments/", ROLES),
    ("people", "/admin/snippets/people/person/", ROLES),
    ("article editor", "/admin/pages/{article}/edit/", ("editor", "translator")),
    ("abridgment review", "/admin/articles/{article}/abridgments/", ("reviewer",)),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=12)
    parser.add_argument("--renders", type=int, default=3, help="renders per screen per round")
    args = parser.parse_args()
    in_test_database(lambda: run(args.rounds, args.renders))


def run(rounds: int, renders: int) -> None:
    from django.contrib.auth import get_user_model
    from django.test import Client

    from articles.demo.loader import load_demo
    from cms import shared_values

    report = load_demo()
    clients = {}
    for role in ROLES:
        clients[role] = Client()
        clients[role].force_login(get_user_model().objects.get(username=role))
    screens = {
        role: [
            (name, address.format(article=report.article.pk))
            for name, address, roles in SCREENS
            if role in roles
        ]
        for role in ROLES
    }
    for role, client in clients.items():
        for name, address in screens[role]:
            response = client.get(address)
            if response.status_code != 200:
                raise SystemExit(f"{name} answered {response.status_code} to {role}")

    kept = shared_values.generation
    ways = {"Wagtail's": lambda name: uuid.uuid4().hex, "kept": kept}
    cpu: dict[tuple[str, str, str], list[float]] = {}
    for index in range(rounds):
        for way in list(ways)[:: 1 if index % 2 else -1]:
            shared_values.generation = ways[way]
            for role, client in clients.items():
                for name, address in screens[role]:
                    started = time.process_time()
                    for _ in range(renders):
                        client.get(address)
                    spent = (time.process_time() - started) / renders * 1000
                    cpu.setdefault((role, name, way), []).append(spent)
    shared_values.generation = kept

    print(f"CPU time per screen, median of {rounds} rounds of {renders} renders (test client)")
    print(f"{'role':<11}{'screen':<20}{'sidebar built':>15}{'sidebar kept':>14}{'less':>7}")
    for role in ROLES:
        for name, _address in screens[role]:
            built = statistics.median(cpu[(role, name, "Wagtail's")])
            held = statistics.median(cpu[(role, name, "kept")])
            print(
                f"{role:<11}{name:<20}{built:>12.1f} ms{held:>11.1f} ms"
                f"{(built - held) / built * 100:>6.0f}%"
            )


if __name__ == "__main__":
    main()
