"""Entity resolution: canonical names scoped by each document's home region (issue 4).

The public entry point is :func:`resolve_document`; :func:`entity_key` builds the stable
``TYPE:canonical name`` ids every later stage keys on.
"""

from kg.resolve.document import (LinkedPlace, ResolvedDocument, ResolvedMention, entity_key,
                                 region_division, resolve_document, warm_up)
from kg.resolve.gazetteer import Division, load_gazetteer
from kg.resolve.region import RegionGuess, infer_region

__all__ = ["Division", "LinkedPlace", "RegionGuess", "ResolvedDocument", "ResolvedMention",
           "entity_key", "infer_region", "load_gazetteer", "region_division", "resolve_document",
           "warm_up"]
