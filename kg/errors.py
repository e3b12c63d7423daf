"""Errors a user can act on: one line that names the input and the problem."""


class KgError(Exception):
    """Base class: the CLI prints ``str(error)`` on one line, without a traceback."""


class InputError(KgError):
    """An input (file, stdin, corpus row) that cannot be used."""

    def __init__(self, source: str, problem: str):
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem
