"""kg: Chinese news text to a knowledge graph."""

__version__ = "0.1.0"
