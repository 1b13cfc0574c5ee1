"""Incidents from a parsed report, coded the way ACLED's codebook defines them.

The stages, each a function from the parsed Doc and earlier records to new
records (see :mod:`mapper.incidents.extract` for the driver):

* :mod:`~mapper.incidents.units`: sentences and display lines;
* :mod:`~mapper.incidents.sites`: the places the geoparser found
  (``doc.spans["toponyms"]``), never geoparsed again;
* :mod:`~mapper.incidents.timeline`: the document time model;
* :mod:`~mapper.incidents.frames`: detection of accounts of events, their
  cues and roles; :mod:`~mapper.incidents.coding`: ACLED type and sub-type;
* :mod:`~mapper.incidents.events`: segmentation per place and date, and
  joining the passages that tell one event;
* :mod:`~mapper.incidents.places`: where an event happened;
* :mod:`~mapper.incidents.actors`, :mod:`~mapper.incidents.casualties`,
  :mod:`~mapper.incidents.claims`: who, how many, and who says so.

Word lists live in :mod:`~mapper.incidents.lexicon`, grouped by the ACLED
definition they serve.
"""

from mapper.incidents.extract import extract_incidents
from mapper.incidents.records import EVENT_TYPES, VIOLENT, Incident, Source

__all__ = ["Source", "Incident", "extract_incidents", "EVENT_TYPES", "VIOLENT"]
