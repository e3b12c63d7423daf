"""The ``kg`` command line: a thin layer over the Python API (one module per area)."""

import os

# The model's matrix products run on numpy's OpenBLAS (kg.ner.load); one thread each, as
# thinc's own BLIS always ran, because `kg build --jobs` runs several processes and BLAS
# threads on top of those would fight for the cores. Set before anything imports numpy.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import click  # noqa: E402

from kg import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main():
    """Turn Chinese news text into a knowledge graph."""


@main.group()
def export():
    """Export the graph to files."""


@main.group()
def load():
    """Load the graph into a server."""


def _register_commands():
    # Each area keeps its commands in its own module; importing it attaches them to `main`.
    from kg.cli import build, inspect, neo4j, ner  # noqa: F401


_register_commands()
