"""The `iljari` console script: the project's manage.py (`uv run iljari migrate`, `uv run iljari demo`, ...)."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "iljari.settings")
    from django.core.management import execute_from_command_line  # deferred: after the settings module is set

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
