"""Incidents from one geoparsed report, coded the way a careful ACLED coder would.

Each sentence is read through spaCy's dependency parse:

* an *event trigger* (a verb or noun such as "shelled", "clashes", "drone
  struck", "took control", "martial law") gives the ACLED event and sub-event
  type; triggers under an appeal or a modal ("called for an end to fighting",
  "risks plunging"), under a negation, or in a photo caption or headline make
  no incident;
* the subject of the *reporting verb* above the trigger ("X said", "X
  claimed", "according to X") is ``claimed_by``: a claim is never turned into
  a fact;
* a *denial* ("Y denied firing at the city") makes no incident of its own: it
  is linked to the claim it denies, which becomes ``disputed``;
* killed and wounded counts follow ACLED's conservative reading
  (:mod:`mapper.numbers`); equipment counts go into ``notes``;
* the place is the incident's toponym in the sentence, else the one a
  definite "the city"/"the village" points back to, else a line for "along
  the border/front", else the report's theatre (``geo_precision`` 3).
  Adjectival forms and the dateline never become an incident place;
* the date is the sentence's date expression resolved against the report's
  date (:mod:`mapper.dates`), else the report's main event date; a metadata
  date that the text contradicts is not trusted;
* past events (a year before the report's, "in recent months", "not
  uncommon", running totals) are flagged ``background``.

Beyond one trigger per sentence: each reporting verb tells its own event ("X
said A, while Y said B"), a cause clause ("after a bombing campaign") is an
event of its own, and listed places ("shelled Ganja, Tartar and Barda") give
one event each. Battles need armed actors in the sentence (so "firefighters
battled the blaze" is nothing); ceasefires agreed or taking effect are
``Strategic developments/Agreement``; martial law and mobilisation are placed
at the declaring government's capital. Place names the geoparser missed in
plain locative phrases ("near the town of Bakhmut") are looked up in the
gazetteer, within the countries the report already names.

The type follows the means and the target, not the war the report is about:
civilians attacked by gunmen or fighters on the ground are Violence against
civilians even in a war of shells; ground units under fire or pushing forward
fight a battle; an aircraft or drone as the instrument makes an air strike; a
police post or base as target makes a battle. A sentence that points back to
the event just told ("one of the bombs", "the convoy", "a second missile",
placeless damage, the other side's placeless version of its own strike) adds
to that event instead of making a new one; a relative clause ("..., which Y
denied") disputes its own sentence's claim. Actors are states ("Military Forces
of X", "Civilians (X)" by the country of the place), named groups, or an
"Unidentified Armed Group (X)" for gunmen, militants and rebels.

Modules, in dependency order: :mod:`~mapper.incidents.records` (the records),
:mod:`~mapper.incidents.lexicon` (word lists), :mod:`~mapper.incidents.lookups`
(spaCy, gazetteer), :mod:`~mapper.incidents.sentences`,
:mod:`~mapper.incidents.toponyms`, :mod:`~mapper.incidents.dating`,
:mod:`~mapper.incidents.context`, :mod:`~mapper.incidents.triggers`,
:mod:`~mapper.incidents.actors`, :mod:`~mapper.incidents.casualties`,
:mod:`~mapper.incidents.claims`, :mod:`~mapper.incidents.places`,
:mod:`~mapper.incidents.drafts` and :mod:`~mapper.incidents.extract` (the driver).
"""

from mapper.incidents.extract import extract_incidents
from mapper.incidents.records import EVENT_TYPES, VIOLENT, Incident, Source

__all__ = ["Source", "Incident", "extract_incidents", "EVENT_TYPES", "VIOLENT"]
