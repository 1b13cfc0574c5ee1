"""Units: sentences, display lines and junk."""

from __future__ import annotations

from mapper.incidents.units import text_units


def _units(nlp, text, body_start=0):
    doc = nlp(text)
    return [(doc.text[u.start : u.end], u.display) for u in text_units(doc, body_start)]


def test_headlines_and_captions_are_display_lines_in_a_report(nlp):
    text = (
        "Rebels seize Dilling\n\n"
        "Rebels seized the town of Dilling on Sunday, residents said.\n\n"
        "A man walks past a burned market in Dilling.\n\n"
        "The army said it would retake the town."
    )
    got = _units(nlp, text)
    assert [d for _, d in got] == [True, False, True, False]


def test_a_one_paragraph_note_has_no_display_lines_whatever_its_punctuation(nlp):
    got = _units(nlp, "Gunmen attack police post in Mopti, two officers wounded")
    assert got and not any(d for _, d in got)


def test_junk_is_trimmed_and_never_a_unit(nlp):
    got = _units(nlp, "Troops shelled the town. x\n\n😢\n\n</p>")
    assert [t for t, d in got if not d] == ["Troops shelled the town."]


def test_a_date_line_before_the_body_is_no_unit(nlp):
    text = "date 2021-03-15\n\nTroops shelled the town."
    assert [t for t, _ in _units(nlp, text, body_start=16)] == ["Troops shelled the town."]


def test_a_dated_chronology_entry_in_the_present_is_no_caption(nlp):
    text = (
        "A list of attacks in the region.\n\n2012\n\n"
        "January 1: Rebels attack a police station in Mopti, injuring two policemen.\n\n"
        "January 3: Troops clash with rebels near Djenne."
    )
    units = text_units(nlp(text))
    entries = [u for u in units if text[u.start : u.end].startswith("January")]
    assert entries and not any(u.display for u in entries)


def test_a_recap_entry_opened_by_its_day_in_the_present_is_no_caption(nlp):
    text = (
        "Key dates of the siege.\n\nOffensive starts\n\n"
        "On March 5, rebels shell the army camp outside Mopti.\n\n"
        "A soldier walks past a burned truck in Mopti."
    )
    units = dict(_units(nlp, text))
    assert units["On March 5, rebels shell the army camp outside Mopti."] is False
    assert units["A soldier walks past a burned truck in Mopti."] is True


def test_in_a_recap_a_one_sentence_paragraph_in_the_present_is_an_entry(nlp):
    text = (
        "Key dates of the siege.\n\nRebels seized the road in March.\n\n"
        "Rebels briefly seize the airport but are pushed back on March 5."
    )
    doc = nlp(text)
    entry = "Rebels briefly seize the airport but are pushed back on March 5."
    assert [u.display for u in text_units(doc) if doc.text[u.start : u.end] == entry] == [True]
    in_recap = text_units(doc, recap=True)
    assert [u.display for u in in_recap if doc.text[u.start : u.end] == entry] == [False]


def test_a_day_the_parser_ends_the_sentence_before_with_opens_its_entry(extract_geoparsed):
    text = (
        "2012\n\nDecember\n\n10 December: Rebels took control of Ouadda\n\n"
        "15 December: Rebels took control of Bamingui\n\n18 December: Rebels took control "
        "of Bria\n"
    )
    got = [i.event_date for i in extract_geoparsed(text)]
    assert got == ["2012-12-10", "2012-12-15", "2012-12-18"]
