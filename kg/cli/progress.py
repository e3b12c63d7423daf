"""A progress bar on stderr for long commands, shown only on a terminal."""

from __future__ import annotations

import sys

import click


class progress_bar:
    """``with progress_bar("tagging") as progress: ... progress(done, total)``.

    The bar starts with the first call (when the total is known). None is drawn when stderr is
    not a terminal: a log or a pipe would get only its label.
    """

    def __init__(self, label: str):
        self.label = label
        self.bar = None

    def __enter__(self):
        return self.update

    def update(self, done: int, total: int) -> None:
        if not sys.stderr.isatty():
            return
        if self.bar is None:
            self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr,
                                         item_show_func=lambda _: None).__enter__()
        self.bar.update(done - self.bar.pos)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)
