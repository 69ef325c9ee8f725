"""``manage.py demo_logins [--reset]``: the demo accounts, and new passwords for them.

Passwords are stored hashed, so they cannot be shown again after ``load_demo`` printed them;
``--reset`` gives every demo account a new one and prints it once.
"""

from django.core.management.base import BaseCommand, CommandParser

from articles.demo.loader import demo_logins


class Command(BaseCommand):
    help = (
        "List the demo accounts and their roles. With --reset, give each a new random "
        "password and print it (the old passwords stop working)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Set and print new passwords for the demo accounts.",
        )

    def handle(self, *args, reset: bool, **options) -> None:
        logins = demo_logins(reset=reset)
        if not any(login.exists for login in logins):
            self.stdout.write("No demo accounts yet: run `manage.py load_demo` first.")
            return
        for login in logins:
            if not login.exists:
                self.stdout.write(f"  {login.username:<11} (not created)")
            elif login.password:
                self.stdout.write(f"  {login.username:<11} {login.role:<14} {login.password}")
            else:
                self.stdout.write(f"  {login.username:<11} {login.role}")
        if reset:
            self.stdout.write(self.style.WARNING("New passwords shown once; keep them."))
        else:
            self.stdout.write(
                "Passwords are stored hashed: `manage.py demo_logins --reset` sets new ones."
            )
