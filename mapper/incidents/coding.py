"""ACLED typing: the event and sub-event type of what a frame tells.

The rules follow the order in which ACLED's codebook separates its six
event types, each by what defines it:

1. **Demonstrations** (a crowd with a political aim): *Riots* when the
   demonstrators are violent (stones, arson, vandalism, clashes), else
   *Protests*: excessive force when forces kill or shoot at them, with
   intervention when they are dispersed, tear-gassed or arrested, else
   peaceful. A crowd acting violently without a demonstration is *Riots/Mob
   violence* ("residents lynched a suspected thief").
2. **Remote violence** by its means: a suicide bomb, a remote explosive
   (IED, landmine, bomb), a grenade, an air or drone strike, shelling
   (artillery, mortars, rockets, missiles), unless the account is of an
   armed clash ("clashes in which artillery was used" is a battle).
3. **Battles**: armed actors on both sides: an explicit clash, an attack on
   forces or their posts, forces killing fighters; taking ground is
   "Government regains territory" or "Non-state actor overtakes territory"
   by who takes it.
4. **Violence against civilians**: armed actors, or unnamed perpetrators,
   attacking, killing, abducting or raping unarmed people.
5. **Strategic developments**: arrests, looting and property destruction,
   weapons found or stopped, agreements, changes to a group, bases,
   territory handed over, and state measures (martial law, curfews,
   mobilisation) as "Other".

Examples
--------
>>> code_event(frozenset({"attack"}), ("nonstate",), ("armed_site",), ())
('Battles', 'Armed clash')
>>> code_event(frozenset({"attack", "kill"}), ("nonstate",), ("civilian",), ("civilian",))
('Violence against civilians', 'Attack')
>>> code_event(frozenset({"attack", "explosive"}), ("nonstate",), ("armed_site",), ())
('Explosions/Remote violence', 'Remote explosive/landmine/IED')
>>> code_event(frozenset({"protest", "intervene"}), ("protester",), (), ())
('Protests', 'Protest with intervention')
>>> code_event(frozenset({"die"}), (), (), ("civilian",)) is None
True
"""

from __future__ import annotations

__all__ = ["code_event", "EventCode", "VIOLENT_CUES", "REMOTE_CUES", "ARMED_ACTORS", "ARMED_SIDES"]

EventCode = tuple[str, str]

#: Cues of remote violence, by ACLED sub-event type, most specific first.
REMOTE_CUES: tuple[tuple[str, str], ...] = (
    ("suicide", "Suicide bomb"),
    ("chemical", "Chemical weapon"),
    # explosives or grenades dropped from the air are an air strike: "Syrian government
    # helicopters dropped barrels full of explosives on a rebel-held town" (Daily Mail,
    # December 2013), "Helicopters and war planes dropped barrel bombs" (Reuters in The
    # Scotsman, November 2014)
    ("air", "Air/drone strike"),
    ("explosive", "Remote explosive/landmine/IED"),
    ("grenade", "Grenade"),
    ("shell", "Shelling/artillery/missile attack"),
)
#: Cues of physical violence between or against people.
VIOLENT_CUES = frozenset({"clash", "attack", "kill", "abduct", "sexual", "capture", "advance"})

#: Kinds of armed actor: forces, armed groups, communal militias.
ARMED_ACTORS = frozenset({"state", "nonstate", "communal"})
#: What a battle is fought against: an armed actor, or the post, base or camp it holds.
ARMED_SIDES = ARMED_ACTORS | {"armed_site"}
_ARMED = ARMED_SIDES
_UNARMED = frozenset({"civilian", "property", "protester"})
_CROWD_ACTS = frozenset({"riot", "burn", "destroy", "loot", "clash", "attack", "kill"})


def _demonstration(
    cues: frozenset[str], agents: tuple[str, ...], victims: tuple[str, ...]
) -> EventCode | None:
    """Protests and riots: demonstrators, what they did and what was done to them.

    Examples
    --------
    >>> _demonstration(frozenset({"protest", "burn"}), ("protester",), ())
    ('Riots', 'Violent demonstration')
    >>> _demonstration(frozenset({"protest", "kill"}), ("state",), ("protester",))
    ('Protests', 'Excessive force against protesters')
    """
    demo = "protest" in cues or "protester" in agents
    if not demo:
        return None
    crowd_acts = cues & _CROWD_ACTS
    if "riot" in cues:
        return ("Riots", "Violent demonstration")
    forces_act = "state" in agents and bool(cues & {"kill", "attack"})
    state_hits = "protester" in victims or forces_act
    if crowd_acts and not state_hits:
        return ("Riots", "Violent demonstration")
    # Tear gas, water cannon, batons and arrests are an intervention; killing or
    # wounding demonstrators, or live fire on them, is excessive force.
    lethal = "protester" in victims and bool(cues & {"kill", "die", "injure"})
    if lethal or (forces_act and not cues & {"intervene", "arrest"}):
        return ("Protests", "Excessive force against protesters")
    if cues & {"intervene", "arrest"} or forces_act:
        return ("Protests", "Protest with intervention")
    return ("Protests", "Peaceful protest")


def _mob(cues: frozenset[str], agents: tuple[str, ...]) -> EventCode | None:
    """Code a crowd acting violently with no demonstration as Riots/Mob violence.

    Examples
    --------
    >>> _mob(frozenset({"kill", "burn"}), ("crowd",))
    ('Riots', 'Mob violence')
    """
    unarmed = set(agents) & {"crowd", "party", "civilian"}
    means = {cue for cue, _ in REMOTE_CUES} | {"air_means"}
    if (
        unarmed
        and not agents_armed(agents)
        and cues & (_CROWD_ACTS | {"riot"})
        and not cues & means
        and "gunfight" not in cues  # whoever exchanges fire is armed (lx.GUNFIGHT)
    ):
        # Supporters, students or residents fighting or killing: no armed group is party.
        return ("Riots", "Mob violence")
    if "riot" in cues and not agents_armed(agents):
        # Armed actors who ransack or vandalise loot (Strategic developments): [acled-dev bfa
        # 2020-04-09] "militants vandalized a hunting camp", [acled-dev bfa 2020-04-24]
        # "militants vandalized and pillaged shops", [WMoSo] "troops then ransacked".
        return ("Riots", "Mob violence")
    return None


def agents_armed(agents: tuple[str, ...]) -> bool:
    """Tell whether an agent is an armed actor (forces, armed groups, communal militias)."""
    return bool(set(agents) & ARMED_ACTORS)


#: Cues of harm beyond a detention: with any of them a raid is violence, not arrests.
_HARM = frozenset(
    {"kill", "injure", "beat", "abduct", "sexual", "clash", "shell", "air_means", "explosive",
     "burn"}
)


def _raid_arrests(
    cues: frozenset[str], agents: tuple[str, ...], targets: tuple[str, ...]
) -> EventCode | None:
    """Code a raid by state forces that detains unarmed people and hurts no one: Arrests.

    "Riot police in Zimbabwe raided the headquarters of the main opposition
    party Saturday and arrested dozens of supporters" (AP, 26 May 2007); "At
    least seven activists ... were arrested in a raid by the Detective Branch
    ... at the party's head office" (TBS News, Dhaka, 17 July 2024): the
    codebook's Arrests, not an attack on civilians.
    """
    if not {"arrest", "attack"} <= cues or cues & _HARM:
        return None
    if "state" not in agents or set(targets) & _ARMED:
        return None
    return ("Strategic developments", "Arrests")


def _disrupted(cues: frozenset[str]) -> EventCode | None:
    """Weapons found, defused or stopped, unless the account tells an attack that went on.

    "Air defences intercepted 12 missiles" is disrupted weapons use; "Russia
    launched 30 drones at Kharkiv, 25 were shot down" is an air strike.
    """
    if "misfire" in cues or ("disrupt" in cues and not cues & {"attack", "kill", "clash"}):
        return ("Strategic developments", "Disrupted weapons use")
    return None


def _remote(cues: frozenset[str]) -> EventCode | None:
    """Explosions/Remote violence by its means, unless the account is of a clash.

    Examples
    --------
    >>> _remote(frozenset({"shell", "attack"}))
    ('Explosions/Remote violence', 'Shelling/artillery/missile attack')
    >>> _remote(frozenset({"shell", "clash"})) is None
    True
    """
    if "clash" in cues and not cues & {"suicide", "explosive", "air"}:
        return None
    drone_attack = "air_means" in cues and bool(cues & {"attack", "kill", "destroy", "burn"})
    for cue, sub in REMOTE_CUES:
        if cue == "explosive" and drone_attack:
            # the blast of the drone's own load: "targeted our soldiers ... with an
            # explosive-laden drone ..., causing a large explosion" (Xinhua via CGTN,
            # Marib, May 2023; see frames._drone_load)
            break
        if cue in cues:
            return ("Explosions/Remote violence", sub)
    if drone_attack:
        return ("Explosions/Remote violence", "Air/drone strike")
    return None


def _territory(
    cues: frozenset[str], agents: tuple[str, ...], targets: tuple[str, ...]
) -> EventCode | None:
    """Code taking ground by force: who takes it (else who lost it) names the sub-event type."""
    if "capture" not in cues:
        return None
    if not agents and "nonstate" in targets and "state" not in targets:
        return ("Battles", "Government regains territory")  # "rebels lost control of X"
    if "state" in agents and "nonstate" not in agents:
        return ("Battles", "Government regains territory")
    # a commander named for his forces takes ground too: "Gaddafi takes back control of
    # Zawiyah" (Reuters timeline, March 2011), "Haftar Seizes Libyan Oil Ports" (Libya
    # Business News, September 2016); whose side he leads the text does not say
    if agents_armed(agents) or not agents or set(agents) == {"person"}:
        return ("Battles", "Non-state actor overtakes territory")
    return None


def _burned_with_dead(
    cues: frozenset[str], agents: tuple[str, ...], hit: set[str]
) -> EventCode | None:
    """Code the dead found where armed men burned homes: an attack on civilians.

    Property destruction is coded only when no one was killed; the dead found
    in what armed men burned were killed there ("Villagers uncovered 18
    charred bodies after junta forces burned homes in a village in central
    Myanmar", RFA on Kya Paing, 4 December 2023; "they had discovered four
    charred bodies ... in a village that army troops had briefly occupied and
    torched", Myanmar Now on Shwebo Township, 2022, where the finding verb
    already gives the attack).

    >>> _burned_with_dead(frozenset({"burn", "die"}), ("state",), {"property"})
    ('Violence against civilians', 'Attack')
    >>> _burned_with_dead(frozenset({"burn"}), ("state",), {"property"}) is None
    True
    """
    if "die" in cues and hit & {"property"} and agents_armed(agents):
        return ("Violence against civilians", "Attack")
    return None


def _on_civilians(hit: set[str]) -> bool:
    """Tell an assault whose only victims are unarmed: an attack on civilians, not a battle.

    Storming or overrunning ground is a battle when armed men hold it, but
    gunmen who storm a village and kill its people meet no armed side, and
    ACLED codes that as Violence against civilians/Attack ("At least 23 people
    were killed ... when Boko Haram militants stormed a village in Nigeria's
    northeastern state of Adamawa", Xinhua, 30 April 2019; "Suspected Islamist
    militants have stormed a village in north-east Nigeria, killing several
    people", BBC on Mailari; "24 people were killed Sunday when a group of
    gunmen stormed a village in central Nigeria", BNO News, 15 October 2012).

    A named person killed may be the armed man the force stormed in on
    (French special forces storming the Hyper Cacher store, where Coulibaly
    was killed, [news-dev 12]): only victims told as civilians count.

    >>> _on_civilians({"civilian"}), _on_civilians({"civilian", "state"}), _on_civilians({"person"})
    (True, False, False)
    """
    return "civilian" in hit and not hit & _ARMED


def _violence(
    cues: frozenset[str],
    agents: tuple[str, ...],
    targets: tuple[str, ...],
    victims: tuple[str, ...],
) -> EventCode | None:
    """Battles or Violence against civilians, by who was attacked.

    Examples
    --------
    >>> _violence(frozenset({"kill"}), ("state",), ("nonstate",), ("nonstate",))
    ('Battles', 'Armed clash')
    >>> _violence(frozenset({"abduct"}), ("nonstate",), ("civilian",), ())
    ('Violence against civilians', 'Abduction/forced disappearance')
    >>> _violence(frozenset({"attack"}), (), (), ()) is None
    True
    """
    hit = set(targets) | set(victims)
    armed_hit = bool(hit & _ARMED)
    if not cues & VIOLENT_CUES:
        return _burned_with_dead(cues, agents, hit)
    if "dispute" in cues and not agents_armed(agents) and not armed_hit:
        # a clash over a quarrel with no armed actor named: villagers, rival supporters
        return ("Riots", "Mob violence")
    if "clash" in cues or ("advance" in cues and agents_armed(agents) and not _on_civilians(hit)):
        return ("Battles", "Armed clash")
    if cues & {"abduct"}:
        return ("Violence against civilians", "Abduction/forced disappearance")
    if "sexual" in cues:
        return ("Violence against civilians", "Sexual violence")
    if armed_hit and (agents_armed(agents) or not agents or "attack" in cues):
        return ("Battles", "Armed clash")
    if hit & {"civilian", "person", "party", "protester", "crowd"}:
        return ("Violence against civilians", "Attack")
    if hit & {"property"} and "kill" not in cues:
        # Codebook: property attacked or burned with no one hurt is a strategic development.
        return ("Strategic developments", "Looting/property destruction")
    if agents_armed(agents) and cues & {"attack", "kill"}:
        # An attack by an armed actor on an unstated target.
        return (
            ("Battles", "Armed clash")
            if "attack" in cues
            else ("Violence against civilians", "Attack")
        )
    if "ambush" in cues and not hit & {"civilian", "person", "property"}:
        return ("Battles", "Armed clash")  # an ambush is laid for forces on the move
    if "attack" in cues and not agents:
        return None
    if "kill" in cues and (hit or agents):
        return ("Violence against civilians", "Attack")
    return None


def _seized_by_armed_group(agents: tuple[str, ...], targets: tuple[str, ...]) -> bool:
    """Tell people detained by an armed group, not by the state: an abduction.

    The codebook keeps Arrests for state forces (or a group that governs the
    place); civilians an armed group "rounds up" are abducted: "Boko Haram
    reportedly rounded up and murdered dozens of civilians" (TIME, Izghe,
    February 2014); "a group of terrorists descended on the village of Melija
    ... and rounded up villagers before executing the victims" (Anadolu via TRT
    Afrika, Cabo Delgado, July 2025). Armed men held are left to the caller.

    Examples
    --------
    >>> _seized_by_armed_group(("nonstate",), ("civilian",))
    True
    >>> _seized_by_armed_group(("state",), ("civilian",))
    False
    """
    return (
        agents_armed(agents)
        and "state" not in agents
        and not set(targets) & _ARMED
    )


def _strategic(
    cues: frozenset[str], agents: tuple[str, ...], targets: tuple[str, ...]
) -> EventCode | None:
    """Strategic developments by their definitions.

    Examples
    --------
    >>> _strategic(frozenset({"arrest"}), ("state",), ())
    ('Strategic developments', 'Arrests')
    >>> _strategic(frozenset({"burn"}), ("nonstate",), ("property",))
    ('Strategic developments', 'Looting/property destruction')
    """
    sd = "Strategic developments"
    if "disrupt" in cues:
        return (sd, "Disrupted weapons use")
    if "agreement" in cues:
        return (sd, "Agreement")
    if "arrest" in cues and _seized_by_armed_group(agents, targets):
        return ("Violence against civilians", "Abduction/forced disappearance")
    if "arrest" in cues:
        return (sd, "Arrests")
    if cues & {"loot", "burn", "destroy"}:
        return (sd, "Looting/property destruction")
    if "transfer" in cues:
        return (sd, "Non-violent transfer of territory")
    if "group_change" in cues:
        return (sd, "Change to group/activity")
    if "declare" in cues:
        return (sd, "Other")
    return None


def code_event(
    cues: frozenset[str],
    agents: tuple[str, ...],
    targets: tuple[str, ...],
    victims: tuple[str, ...],
) -> EventCode | None:
    """ACLED (event_type, sub_event_type) of an account, or None when it tells no event.

    Parameters
    ----------
    cues : frozenset of str
        Cue classes of the account (see :mod:`mapper.incidents.frames`).
    agents, targets, victims : tuple of str
        ACLED actor kinds of who acted, what was attacked and who was hurt.

    Returns
    -------
    tuple of (str, str) or None
    """
    for rule in (
        lambda: _demonstration(cues, agents, victims),
        lambda: _mob(cues, agents),
        lambda: _disrupted(cues),
        lambda: _raid_arrests(cues, agents, targets),
        # ground taken after shelling is a territorial battle, not the shelling: "rebels
        # lose control of part of Misratah after heavy shelling" (CS Monitor, March
        # 2011); the Quneitra crossing retaken "with shells dropping across the border"
        # ([WSyria])
        lambda: _territory(cues, agents, targets),
        lambda: _remote(cues),
        lambda: _violence(cues, agents, targets, victims),
        lambda: _strategic(cues, agents, targets),
    ):
        code = rule()
        if code is not None:
            return code
    return None
