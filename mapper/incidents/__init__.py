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

Every rule codes a general pattern of how ACLED's codebook defines events or
of how news and chronologies tell them, and its docstring shows it on real
text from at least two sources, cited by these keys (the texts are in
``benchmarks/data/chronologies``):

* [WSyria] Wikipedia, "Timeline of the Syrian civil war (August–December
  2014)", CC BY-SA 4.0; [WUkraine] "Timeline of the 2014 pro-Russian unrest
  in Ukraine", CC BY-SA 4.0; [WDonbas] "Timeline of the war in Donbass
  (April–June 2014)", 2016 revision, CC BY-SA 3.0; [WYemen] "Timeline of the
  Yemeni civil war (2014–present)", CC BY-SA 4.0; [WBokoHaram] "Timeline of
  Boko Haram insurgency", May 2015 revision, CC BY-SA 3.0; [WMali] "Timeline
  of the Mali War", CC BY-SA 4.0; [WMosul] "Fall of Mosul", CC BY-SA 3.0;
  [WSouthSudan] "South Sudanese Civil War", 2016 revision, CC BY-SA 3.0;
  [WSudan23] "Timeline of the Sudanese civil war (2023)", revision
  1155388291, CC BY-SA 3.0; [WMoSo] "Mo So massacre", [WKishishe] "Kishishe
  massacre", [WFARC] "List of attacks attributed to FARC", [WPulwama] "2019
  Pulwama attack", [WMarawi] "Siege of Marawi", all CC BY-SA 4.0; [WTigray]
  "Timeline of the Tigray conflict", June 2021 revision, CC BY-SA 3.0;
  [FLibya] "Timeline of Events", Saif al-Islam Gaddafi thesis wiki (Fandom,
  adapted from Wikipedia), CC BY-SA 3.0 — all from Wikipedia, the free
  encyclopedia, or as named;
* [VOA19] Voice of America, "Al-Shabab Attack Kills 20 Somali Soldiers",
  22 September 2019, and [VOA17] Voice of America, 4 September 2017: public
  domain;
* [acled-dev SET DATE] an ACLED coder note of the development set in
  ``../shared/data/acled-dev`` and [news-dev NN] a report of
  ``../shared/data/news-dev``: cited, never quoted (licence-restricted);
* "the seed reports": ``../shared/reports`` (cited, never quoted).

Sentences in the doctests and tests are our own.
"""

from mapper.incidents.extract import extract_incidents
from mapper.incidents.records import EVENT_TYPES, VIOLENT, Incident, Source

__all__ = ["Source", "Incident", "extract_incidents", "EVENT_TYPES", "VIOLENT"]
