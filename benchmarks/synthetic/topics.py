"""The recurring subjects of the archive, each with the words it is discussed in.

Every topic carries the years it was current, noun phrases that fill generic
sentence templates, whole sentences an official says about it, and questions
reporters ask about it. Recurring wording across transcripts is what topic
enrichment and "asked before" look for, so the phrases are reused on purpose.
Slots: {ally}, {summit}, {aspirant}, {city}, {number}.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    """One subject of the archive."""

    name: str
    first_year: int
    last_year: int
    weight: float
    phrases: tuple[str, ...]
    facts: tuple[str, ...]
    questions: tuple[str, ...]


TOPICS = (
    Topic(
        "Ukraine", 1997, 2026, 3.0,
        ("Ukraine", "our support to Ukraine", "Ukraine's sovereignty and territorial integrity",
         "the NATO-Ukraine Commission", "Ukraine's path towards membership"),
        ("Ukraine has the right to self-defence, and Allies will continue to support Ukraine.",
         "Allies provide Ukraine with political and practical support.",
         "It is only for Ukraine and NATO Allies to decide when Ukraine is ready to join the Alliance.",
         "No one else has a veto on Ukraine's path towards membership.",
         "We will continue to help Ukraine modernise its armed forces and implement reforms.",
         "Ukraine is a close and highly valued partner of the Alliance.",
         "The more Ukraine is able to defend itself, the stronger its hand will be at the negotiating table."),
        ("What more can Allies do to support Ukraine?",
         "Will Ukraine be invited to join NATO at the summit in {summit}?",
         "Are you concerned that support for Ukraine is weakening among Allies?",
         "Do you expect Allies to deliver more air defence systems to Ukraine?",
         "What is your message to the people of Ukraine today?"),
    ),
    Topic(
        "Russia", 1995, 2026, 3.0,
        ("Russia", "the Russian military build-up", "Russia's aggressive actions", "relations with Russia",
         "the NATO-Russia Council", "dialogue with Moscow"),
        ("We do not seek confrontation with Russia.",
         "Russia has violated the international commitments it has signed up to.",
         "We call on Russia to de-escalate and to withdraw its forces.",
         "Our approach to Russia is based on strong deterrence combined with dialogue.",
         "Russia must respect the sovereignty and territorial integrity of its neighbours.",
         "We want a constructive relationship with Russia, but that requires Russia to respect international law.",
         "The NATO-Russia Council is an important platform for dialogue, especially when tensions are high."),
        ("Do you see any sign that Russia is ready to de-escalate?",
         "When will the NATO-Russia Council meet again?",
         "How do you respond to Moscow's claim that NATO enlargement threatens Russia?",
         "Is NATO ready to engage in military confrontation with Russia?",
         "Has there been any direct contact between NATO and Russia since the incident?"),
    ),
    Topic(
        "Crimea", 2014, 2026, 1.2,
        ("the illegal annexation of Crimea", "Crimea", "the militarisation of the Black Sea region"),
        ("Allies do not and will not recognise Russia's illegal annexation of Crimea.",
         "The annexation of Crimea was the first time since the Second World War that one European country took part of another by force.",
         "We condemn the militarisation of Crimea and of the Black Sea region.",
         "We have increased our presence in the Black Sea region, in the air and at sea."),
        ("Will Allies ever accept the annexation of Crimea?",
         "What is NATO doing about the military build-up in Crimea and the Black Sea?"),
    ),
    Topic(
        "ISIL", 2014, 2019, 1.5,
        ("the fight against ISIL", "the Global Coalition to Defeat ISIL", "ISIL", "foreign terrorist fighters"),
        ("Our common enemy is ISIL.",
         "All Allies are part of the Global Coalition to Defeat ISIL.",
         "NATO AWACS planes support the Coalition with surveillance and information.",
         "Training local forces is one of the most effective tools we have in the fight against ISIL.",
         "ISIL is responsible for terrible atrocities in Iraq and Syria."),
        ("Will NATO join combat operations against ISIL?",
         "What more can NATO do in the fight against ISIL?",
         "Should NATO become a full member of the Coalition against ISIL?"),
    ),
    Topic(
        "Afghanistan", 2001, 2022, 2.0,
        ("Afghanistan", "the ISAF mission", "the Resolute Support mission", "the Afghan security forces",
         "the peace process in Afghanistan"),
        ("We went into Afghanistan to prevent it from again becoming a safe haven for international terrorists.",
         "The Afghan security forces are now in the lead for security across the country.",
         "We will continue to provide funding, training and advice to the Afghan forces.",
         "Our presence in Afghanistan is conditions-based.",
         "Transition in Afghanistan is on track.",
         "The Taliban must understand that they cannot win on the battlefield."),
        ("When will the last NATO troops leave Afghanistan?",
         "Is the peace process in Afghanistan in danger?",
         "How many more troops do you need for the mission in Afghanistan?",
         "Do you regret the way the mission in Afghanistan ended?"),
    ),
    Topic(
        "arms control", 1995, 2026, 1.4,
        ("arms control", "the INF Treaty", "arms control, disarmament and non-proliferation",
         "nuclear arms control", "reciprocal limits on missiles"),
        ("NATO remains committed to effective arms control, disarmament and non-proliferation.",
         "Arms control agreements only work if all parties respect them.",
         "The INF Treaty was a cornerstone of arms control in Europe.",
         "We are ready to discuss reciprocal and verifiable limits on missiles.",
         "We need verifiable and balanced limitations, both on conventional and on nuclear forces."),
        ("Is there any chance of saving the INF Treaty?",
         "Are you ready to negotiate a new arms control agreement with Russia?",
         "Will NATO deploy new nuclear missiles in Europe?"),
    ),
    Topic(
        "Open Door", 1995, 2026, 1.6,
        ("NATO's Open Door policy", "enlargement", "the accession of {aspirant}", "the Membership Action Plan",
         "the accession process"),
        ("NATO's door remains open.",
         "Every nation has the right to choose its own path.",
         "It is only for Allies and the country concerned to decide on membership.",
         "Enlargement has helped to spread democracy and stability across Europe.",
         "The accession of {aspirant} will make the Alliance stronger."),
        ("Is the Open Door policy still valid?",
         "When do you expect {aspirant} to join NATO?",
         "Would Allies accept limits on NATO enlargement?"),
    ),
    Topic(
        "Article 5", 1995, 2026, 1.4,
        ("Article 5", "our collective defence", "the security guarantee", "the mutual defence clause"),
        ("An attack on one Ally will be regarded as an attack on all Allies.",
         "Article 5 is the core of our Alliance.",
         "Our commitment to collective defence is ironclad.",
         "There should be no room for miscalculation about our readiness to defend every Ally.",
         "One for all and all for one, that is what NATO is about."),
        ("Would Article 5 be triggered by a cyber attack?",
         "Is Article 5 still credible?",
         "Did {ally} ask for consultations under Article 4 today?"),
    ),
    Topic(
        "burden sharing", 2006, 2026, 1.8,
        ("burden sharing", "defence spending", "the two percent guideline", "our Defence Investment Pledge",
         "fairer burden sharing"),
        ("All Allies have increased their defence spending.",
         "More Allies now meet the guideline of spending two percent of GDP on defence.",
         "European Allies and Canada are stepping up.",
         "We need to invest more because we face more threats.",
         "Fairer burden sharing is important for the unity of the Alliance.",
         "This year {number} Allies will meet the guideline."),
        ("Is {ally} doing enough on defence spending?",
         "What is your message to Allies that will not reach two percent this year?",
         "Do you fear that the United States will reduce its commitment to European security?"),
    ),
    Topic(
        "deterrence and defence", 1995, 2026, 1.8,
        ("deterrence and defence", "our forward presence", "the NATO Response Force", "our posture in the east",
         "the battlegroups in the eastern part of the Alliance"),
        ("We have implemented the biggest reinforcement of our collective defence in a generation.",
         "Our deterrence is defensive and proportionate.",
         "We have tripled the size of the NATO Response Force.",
         "NATO is there to preserve peace, not to provoke conflict.",
         "We are constantly assessing the need to adjust our presence in different parts of the Alliance."),
        ("Will NATO deploy more troops to the eastern flank?",
         "Is NATO's deterrence credible enough?",
         "How quickly could the NATO Response Force be deployed?"),
    ),
    Topic(
        "cyber", 2007, 2026, 1.2,
        ("cyber defence", "cyber attacks", "cyberspace", "hybrid and cyber threats"),
        ("Cyberspace is now an operational domain for NATO.",
         "A serious cyber attack could trigger Article 5.",
         "We help Allies strengthen their cyber defences.",
         "We have seen malicious cyber activities directed against Allies."),
        ("Who is behind the cyber attacks against {ally}?",
         "How will NATO respond to cyber attacks?"),
    ),
    Topic(
        "Libya", 2011, 2016, 1.0,
        ("Libya", "Operation Unified Protector", "the protection of civilians in Libya", "the arms embargo"),
        ("Our operation in Libya was based on a clear UN mandate.",
         "We protect civilians under threat of attack.",
         "NATO is ready to help Libya build its defence institutions if requested."),
        ("How long will the operation in Libya last?",
         "Will NATO put troops on the ground in Libya?"),
    ),
    Topic(
        "Kosovo", 1998, 2026, 1.1,
        ("Kosovo", "KFOR", "stability in the Western Balkans", "the dialogue between Belgrade and Pristina"),
        ("KFOR will continue to ensure a safe and secure environment for all people in Kosovo.",
         "We call on Belgrade and Pristina to show restraint.",
         "The Western Balkans are of strategic importance to NATO."),
        ("Will NATO reduce its presence in Kosovo?",
         "Are you worried about the tensions in northern Kosovo?"),
    ),
    Topic(
        "Iraq", 2003, 2026, 0.9,
        ("Iraq", "NATO Mission Iraq", "the training mission in Iraq", "capacity building in Iraq"),
        ("Our training mission in Iraq is at the request of the Iraqi government.",
         "We help Iraq build more effective security institutions.",
         "We need to make sure that terrorist groups do not return to Iraq."),
        ("Will NATO expand its mission in Iraq?",
         "What is the future of NATO's presence in Iraq?"),
    ),
    Topic(
        "Bosnia and Herzegovina", 1995, 2004, 1.5,
        ("Bosnia and Herzegovina", "IFOR", "SFOR", "the Dayton Agreement"),
        ("The implementation of the Dayton Agreement is on track.",
         "SFOR continues to provide a secure environment for the people of Bosnia and Herzegovina.",
         "Those indicted for war crimes must be brought to justice."),
        ("When will SFOR hand over to the European Union?",
         "Are you satisfied with the arrests of indicted war criminals?"),
    ),
    Topic(
        "missile defence", 2007, 2016, 1.0,
        ("missile defence", "ballistic missile defence", "the missile defence system"),
        ("NATO missile defence is not directed against Russia.",
         "Missile defence is purely defensive.",
         "We have declared an initial operational capability of our ballistic missile defence."),
        ("Can you reassure Russia that missile defence is not aimed at it?",),
    ),
    Topic(
        "terrorism", 2001, 2026, 1.2,
        ("the fight against terrorism", "counter-terrorism", "terrorism"),
        ("Terrorism is a global threat that no country can defeat alone.",
         "NATO has an important role to play in the fight against terrorism.",
         "We stand in solidarity with the victims of the attack in {city}."),
        ("Is NATO doing enough against terrorism?",),
    ),
    Topic(
        "piracy", 2008, 2016, 0.6,
        ("piracy off the Horn of Africa", "Operation Ocean Shield", "counter-piracy"),
        ("The number of successful pirate attacks has fallen dramatically.",
         "Our ships work closely with the European Union in the fight against piracy."),
        ("Will NATO end its counter-piracy mission?",),
    ),
    Topic(
        "China", 2019, 2026, 1.3,
        ("China", "the rise of China", "China's military build-up", "our partners in the Indo-Pacific"),
        ("China is not our adversary, but its rise has consequences for our security.",
         "We see China coming closer to us, in cyberspace, in the Arctic and in Africa.",
         "We will work more closely with our partners in the Indo-Pacific."),
        ("Is China now a threat to NATO?",
         "Should NATO be involved in the Indo-Pacific?"),
    ),
    Topic(
        "climate and security", 2021, 2026, 0.6,
        ("climate change", "climate and security", "the security impact of climate change"),
        ("Climate change is a crisis multiplier.",
         "We will cut emissions from our military activities."),
        ("Is climate change really a task for a military alliance?",),
    ),
    Topic(
        "hybrid threats", 2015, 2026, 1.0,
        ("hybrid threats", "disinformation", "sabotage of critical infrastructure"),
        ("We have seen sabotage against critical undersea infrastructure.",
         "Hybrid attacks can also trigger Article 5.",
         "We are strengthening the protection of critical infrastructure."),
        ("Who is responsible for the sabotage of critical infrastructure in the Baltic Sea?",),
    ),
    Topic(
        "Georgia", 2008, 2026, 0.7,
        ("Georgia", "Georgia's aspirations", "the conflict in Georgia"),
        ("We support the territorial integrity of Georgia within its internationally recognised borders.",
         "Georgia is one of our closest partners."),
        ("Will Georgia ever become a member of NATO?",),
    ),
    Topic(
        "Syria", 2012, 2020, 0.9,
        ("Syria", "the crisis in Syria", "the situation on the Syrian border"),
        ("We stand in solidarity with Türkiye and support the territorial integrity of our Ally.",
         "There is no military solution to the crisis in Syria."),
        ("Will NATO deploy more Patriot batteries to the Syrian border?",),
    ),
    Topic(
        "partnerships", 1995, 2026, 1.0,
        ("Partnership for Peace", "our partners", "the Mediterranean Dialogue",
         "cooperation with the European Union"),
        ("Partnership for Peace has helped to build trust across Europe.",
         "Cooperation between NATO and the European Union has reached unprecedented levels.",
         "Our partners make an important contribution to our missions and operations."),
        ("How will cooperation between NATO and the European Union develop?",),
    ),
)

ALLIES = (
    "Albania", "Belgium", "Bulgaria", "Canada", "Croatia", "the Czech Republic", "Denmark", "Estonia",
    "Finland", "France", "Germany", "Greece", "Hungary", "Iceland", "Italy", "Latvia", "Lithuania",
    "Luxembourg", "Montenegro", "the Netherlands", "North Macedonia", "Norway", "Poland", "Portugal",
    "Romania", "Slovakia", "Slovenia", "Spain", "Sweden", "Türkiye", "the United Kingdom", "the United States",
)

CITIES = ("Brussels", "Paris", "London", "Madrid", "Istanbul", "Berlin", "Oslo", "Warsaw", "Vilnius", "Kyiv")

SUMMITS = (
    (1997, "Madrid"), (1999, "Washington"), (2002, "Prague"), (2004, "Istanbul"), (2006, "Riga"),
    (2008, "Bucharest"), (2009, "Strasbourg and Kehl"), (2010, "Lisbon"), (2012, "Chicago"), (2014, "Wales"),
    (2016, "Warsaw"), (2018, "Brussels"), (2019, "London"), (2021, "Brussels"), (2022, "Madrid"),
    (2023, "Vilnius"), (2024, "Washington"), (2025, "The Hague"), (2026, "Ankara"),
)

ASPIRANTS = (
    (1999, ("Poland", "Hungary", "the Czech Republic")),
    (2004, ("Romania", "Bulgaria", "Slovakia", "Slovenia", "the Baltic states")),
    (2009, ("Albania", "Croatia")),
    (2017, ("Montenegro",)),
    (2020, ("North Macedonia",)),
    (2024, ("Finland", "Sweden")),
    (2030, ("Ukraine", "Bosnia and Herzegovina")),
)


def topics_in(year: int) -> tuple[Topic, ...]:
    """Topics current in ``year``."""
    return tuple(t for t in TOPICS if t.first_year <= year <= t.last_year)


def next_summit(year: int) -> str:
    """The city of the next summit on or after ``year``."""
    for summit_year, city in SUMMITS:
        if summit_year >= year:
            return city
    return SUMMITS[-1][1]


def aspirants(year: int) -> tuple[str, ...]:
    """Countries on their way to membership around ``year``."""
    for until, names in ASPIRANTS:
        if year <= until:
            return names
    return ASPIRANTS[-1][1]
