"""Known entities of this subject: names, their kind, and the spellings they appear in.

A hand-made list is the honest trade for a rule-based generator: it tells a person from
an organisation, groups people by role so that distractors are plausible ("other U.S.
secretaries of state"), and says which spellings are one entity (İlham/Ilham Aliyev,
Cavid/Cauid Veliev, U.S./US/USA/United States). `entities` also finds dates, numbers and
titled names ("Secretary of State X Y") in any new article, so this list improves cards
but is not what makes them: it is never a list of expected cards.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Known:
    name: str  # canonical spelling, used for distractors and variant matching
    kind: str  # person | organisation | place | act | project | event
    group: str  # finer kind: distractors come from the same group first
    variants: tuple[str, ...] = ()
    topic: bool = False  # unused: a document's subject is found from the document (subject.py)
    trivial: bool = False  # too obvious to ask (the capitals, used as metonyms)


def _k(name: str, kind: str, group: str, *variants: str, topic: bool = False, trivial: bool = False) -> Known:
    return Known(name, kind, group, variants, topic, trivial)


KNOWN: tuple[Known, ...] = (
    # -- countries ----------------------------------------------------------------------
    _k(
        "Azerbaijan",
        "place",
        "country",
        "Republic of Azerbaijan",
        "Azerbaijan Republic",
        "Azerbaijani",
        "Azerbaijanis",
        "Azerbaijan's",
    ),
    _k(
        "United States",
        "place",
        "country",
        "United States of America",
        "U.S.",
        "US",
        "USA",
        "U.S.A.",
        "America",
        "American",
        "the US",
        "the U.S.",
    ),
    _k("Washington", "place", "city", "Washington, D.C.", "Washington D.C.", trivial=True),
    _k("Baku", "place", "city", "Official Baku", "official Baku", trivial=True),
    # -- people -------------------------------------------------------------------------
    _k("Woodrow Wilson", "person", "us-president", "President Wilson", "Wilson"),
    _k("George H.W. Bush", "person", "us-president", "George H. W. Bush"),
    _k("Bill Clinton", "person", "us-president", "Clinton"),
    _k("George W. Bush", "person", "us-president"),
    _k("Barack Obama", "person", "us-president", "Obama"),
    _k("Donald Trump", "person", "us-president", "Trump"),
    _k("Joe Biden", "person", "us-president", "Joseph Biden", "Biden"),
    _k("James Baker", "person", "us-secretary", "James Baker III", "Baker"),
    _k("Madeleine Albright", "person", "us-secretary", "Albright"),
    _k("Condoleezza Rice", "person", "us-secretary"),
    _k("Antony Blinken", "person", "us-secretary", "Blinken"),
    _k("Ray Mabus", "person", "us-secretary", "Mabus"),
    _k("William J. Burns", "person", "us-official", "William Burns", "Burns"),
    _k("John Bolton", "person", "us-official", "Bolton"),
    _k("Thomas O. Melia", "person", "us-official", "Thomas Melia", "Melia"),
    _k("Eric Rubin", "person", "us-official", "Rubin"),
    _k("Philip Reeker", "person", "us-official", "Reeker"),
    _k("Mark C. Toner", "person", "us-official", "Mark Toner"),
    _k("Richard Mills", "person", "us-ambassador"),
    _k("Mark Libby", "person", "us-ambassador", "Libby"),
    _k("Robert Finn", "person", "us-ambassador"),
    _k("Richard Lugar", "person", "us-congress", "Lugar"),
    _k("Bob Livingston", "person", "us-congress", "Livingston"),
    _k("Henry Cuellar", "person", "us-congress", "Cuellar"),
    _k("Ilham Aliyev", "person", "az-leader", "İlham Aliyev", "President Aliyev"),
    _k("Heydar Aliyev", "person", "az-leader"),
    _k("Nikol Pashinyan", "person", "foreign-leader", "Pashinyan"),
    _k("Charles Michel", "person", "foreign-leader"),
    _k("John C.K. Daily", "person", "journalist", "John C. K. Daily"),
    _k("Cavid Veliev", "person", "author", "Cauid Veliev", "Cavid VELIEV", "Cauid VELIEV"),
    _k("Sabuhi Mammadov", "person", "author"),
    # -- organisations ------------------------------------------------------------------
    _k("OSCE Minsk Group", "organisation", "international", "Minsk Group"),
    _k(
        "OSCE",
        "organisation",
        "international",
        "Organization for Security and Co-operation in Europe",
        "Organization for Security and Cooperation in Europe",
    ),
    _k("Conference on Security and Cooperation in Europe", "organisation", "international", "CSCE"),
    _k("NATO", "organisation", "international", "North Atlantic Treaty Organization"),
    _k("World Trade Organization", "organisation", "international", "WTO"),
    _k("League of Nations", "organisation", "international"),
    _k("Council of Europe", "organisation", "international"),
    _k("European Council", "organisation", "international"),
    _k("United Nations", "organisation", "international", "UN"),
    _k(
        "USAID",
        "organisation",
        "us-agency",
        "United States Agency for International Development",
        "U.S. Agency for International Development",
    ),
    _k(
        "U.S. State Department",
        "organisation",
        "us-agency",
        "State Department",
        "United States Department of State",
        "U.S. Department of State",
        "Department of State",
    ),
    _k("U.S. Congress", "organisation", "us-congress-body", "Congress", "United States Congress"),
    _k("Senate Foreign Relations Committee", "organisation", "us-congress-body"),
    _k("House Appropriations Committee", "organisation", "us-congress-body"),
    _k(
        "Commission on Security and Cooperation in Europe",
        "organisation",
        "us-congress-body",
        "Helsinki Commission",
    ),
    _k("Bureau of Democracy, Human Rights, and Labor", "organisation", "us-agency"),
    _k("Bureau of European and Eurasian Affairs", "organisation", "us-agency"),
    _k("White House", "organisation", "us-agency", trivial=True),
    _k("Freedom House", "organisation", "ngo"),
    _k("Commonwealth Club of California", "organisation", "ngo"),
    _k("Georgetown University", "organisation", "ngo"),
    _k("UPI", "organisation", "media", "United Press International"),
    _k("ABC News", "organisation", "media", "ABC"),
    _k("Red Army", "organisation", "military"),
    _k("Azerbaijani parliament", "organisation", "az-body", "Milli Majlis", "National Assembly"),
    _k("Armenian American lobby", "organisation", "lobby"),
    # -- places -------------------------------------------------------------------------
    _k("Armenia", "place", "country"),
    _k("Russia", "place", "country"),
    _k("Iran", "place", "country"),
    _k("Turkey", "place", "country"),
    _k("Georgia", "place", "country"),
    _k("Ukraine", "place", "country"),
    _k("Afghanistan", "place", "country"),
    _k("Iraq", "place", "country"),
    _k("Kosovo", "place", "country"),
    _k("Syria", "place", "country"),
    _k("Pakistan", "place", "country"),
    _k("Kazakhstan", "place", "country"),
    _k("Turkmenistan", "place", "country"),
    _k("Kyrgyzstan", "place", "country"),
    _k("France", "place", "country"),
    _k("Soviet Union", "place", "country", "USSR"),
    _k("Azerbaijan Democratic Republic", "place", "historic-state"),
    _k("Azerbaijan SSR", "place", "historic-state"),
    _k("Transcaucasian Federative Soviet Socialist Republic", "place", "historic-state"),
    _k("Paris", "place", "city"),
    _k("Munich", "place", "city"),
    _k("San Francisco", "place", "city"),
    _k("Yerevan", "place", "city"),
    _k("Ganja", "place", "city"),
    _k("Aleppo", "place", "city"),
    _k("Islamabad", "place", "city"),
    _k("New York", "place", "city"),
    _k("Brest", "place", "city"),
    _k("Irkeshtam", "place", "city"),
    _k("Nagorno-Karabakh", "place", "region", "Karabakh"),
    _k("Aghdam", "place", "region"),
    _k("South Caucasus", "place", "region", "Transcaucasia", trivial=True),
    _k("Caspian Sea", "place", "region"),
    _k("Caspian basin", "place", "region"),
    _k("Ganja Gap", "place", "region"),
    _k("Texas", "place", "region"),
    # -- laws, programmes, reports ------------------------------------------------------
    _k("Section 907", "act", "law", "section 907"),
    _k("Freedom Support Act", "act", "law", "FREEDOM Support Act", "FSA"),
    _k("Partnership for Peace", "act", "programme", "PfP"),
    _k("Generalized System of Preferences", "act", "programme", "GSP"),
    _k("IPAP", "act", "programme", "Individual Partnership Action Plan"),
    _k("Madrid Principles", "act", "agreement"),
    _k("Zurich accords", "act", "agreement", "Zurich Protocols"),
    _k("most favored nation", "act", "trade-status", "most favoured nation"),
    _k("Freedom in the World", "act", "report"),
    _k("U.S. Global Leadership Report", "act", "report", "Global Leadership Report"),
    # -- projects -----------------------------------------------------------------------
    _k("Southern Gas Corridor", "project", "energy", "SGC"),
    _k(
        "Baku–Tbilisi–Ceyhan pipeline",
        "project",
        "energy",
        "Baku-Tbilisi-Ceyhan pipeline",
        "Baku–Tbilisi–Ceyhan",
        "Baku-Tbilisi-Ceyhan",
        "BTC pipeline",
        "BTC",
    ),
    _k("Shah Deniz", "project", "energy", "Shahdeniz"),
    _k("Baku-Tbilisi-Kars railway", "project", "transport", "Baku–Tbilisi–Kars railway"),
    _k("E60", "project", "transport"),
    # -- events -------------------------------------------------------------------------
    _k("Paris Peace Conference", "event", "conference", "1919 Paris Peace Conference"),
    _k("September 11 attacks", "event", "attack", "terrorist attacks of September 11", "9/11"),
    _k("Velvet Revolution", "event", "uprising"),
    _k("First Nagorno-Karabakh War", "event", "war", "first Nagorno-Karabakh War"),
    _k("War on Terror", "event", "war", "war on terror"),
)
