"""Sentences in the register of NATO press events, from templates and topics.

Spoken answers repeat themselves, start with "So" and "And", and return to
the same phrases; these templates do the same, so that the text has the word
statistics of a real transcript rather than of lorem ipsum.
"""

from __future__ import annotations

import random
from collections import deque

from benchmarks.synthetic.topics import ALLIES, CITIES, Topic, aspirants, next_summit

# Sentence subjects: (capitalised, after an opener, plural?).
SUBJECTS = (
    ("Allies", "Allies", True), ("NATO Allies", "NATO Allies", True), ("All Allies", "all Allies", True),
    ("We", "we", True), ("NATO", "NATO", False), ("The Alliance", "the Alliance", False),
    ("Ministers", "ministers", True), ("Leaders", "leaders", True),
    ("The North Atlantic Council", "the North Atlantic Council", False), ("Many Allies", "many Allies", True),
    ("Our military commanders", "our military commanders", True),
)
# Predicates around the topic phrase: (plural form, singular form).
VERBS = (
    ("are committed to {np}", "is committed to {np}"), ("will continue to focus on {np}",) * 2,
    ("discussed {np}",) * 2, ("addressed {np}",) * 2, ("agreed to step up work on {np}",) * 2,
    ("are united on {np}", "is united on {np}"), ("remain concerned about {np}", "remains concerned about {np}"),
    ("are following {np} very closely", "is following {np} very closely"), ("will review {np}",) * 2,
    ("have made progress on {np}", "has made progress on {np}"), ("will take decisions on {np}",) * 2,
    ("need to do more on {np}", "needs to do more on {np}"), ("had a frank discussion on {np}",) * 2,
    ("exchanged views on {np}",) * 2, ("will come back to {np}",) * 2,
)
TAILS = (
    "", "", " today", " at this meeting", " in the coming months", " ahead of the summit in {summit}",
    " together with our partners", " in close coordination with the European Union",
    " because it matters for our security", " and we will continue to do so", " as we agreed at the last summit",
)
OPENERS = (
    "", "", "", "So ", "And ", "At the same time, ", "Today, ", "Let me add that ", "I think that ",
    "Therefore ", "Of course, ", "And then, ", "Once again, ", "As I said, ", "But ",
)
GENERIC = (
    "This is important.", "That is the message from all Allies.", "We are ready to sit down and discuss.",
    "And that is exactly what we are doing.", "I will not speculate about that.", "It is too early to say.",
    "Let me be very clear on that.", "We will continue to monitor the situation very closely.",
    "The situation remains serious.", "Diplomacy and dialogue remain important.", "I welcome that.",
    "This is a serious situation.", "And I think that is the right approach.", "We are clear-eyed about the challenges.",
    "That is the reason why we meet today.", "This is not an easy discussion.", "So we will come back to that.",
    "I think it's wrong to compare these things.", "No one should doubt our resolve.",
    "We have {number} Allies and they all agree on that.", "I spoke to the Prime Minister of {ally} yesterday.",
    "We will discuss this again when ministers meet in {city}.", "That's a decision for each and every Ally.",
    "Allies are united and we stand together.",
)
ANSWER_OPENERS = (
    "", "", "", "Well, ", "First of all, ", "Let me start by saying that ", "I think that ", "As I said, ",
    "No. ", "Yes. ", "It's too early to say, but ", "Thank you for the question. ", "On your first question, ",
    "Again, ", "So, ",
)
QUESTION_TEMPLATES = (
    "What is your assessment of {np}?", "Can you tell us more about {np}?", "Did Allies discuss {np} today?",
    "How concerned are you about {np}?", "Is there a risk that {np} will divide the Alliance?",
    "What exactly did Allies agree on {np}?", "Do you expect decisions on {np} at the summit in {summit}?",
    "How do you respond to critics who say NATO is not doing enough on {np}?", "Has {ally} raised {np} with you?",
    "Will {np} be on the agenda when foreign ministers meet?",
)
QUESTION_CONTEXT = (
    "There are reports today that {ally} is reconsidering its position on {np}.",
    "You said last week that {np} is a priority.", "Some Allies are asking for more clarity on {np}.",
    "We heard different messages from Allies on {np}.", "Several ministers spoke about {np} this morning.",
    "Just to follow up on what you said about {np}.",
)
QUESTION_OPENERS = (
    "", "", "", "Thank you. ", "Secretary General, ", "Mr Secretary General, ", "Good afternoon. ",
    "Two questions, if I may. ", "Thank you very much. ", "A question on {np}. ",
)
QUESTION_CLOSERS = ("", "", "", " Thank you.", " Thank you very much.", " And one short follow up, if I may.")
OPENINGS = ("Good afternoon.", "Good morning.", "Good evening.", "Thank you very much.", "Good afternoon, and welcome.")
CLOSINGS = (
    "With that, I am ready to take your questions.", "Now I'm ready to take your questions.",
    "And with that, I'm happy to take your questions.", "I look forward to your questions.",
)


class Speech:
    """Makes sentences for one transcript: its year fixes summits and aspirants."""

    def __init__(self, rng: random.Random, year: int) -> None:
        self.rng = rng
        self.summit = next_summit(year)
        self.aspirants = aspirants(year)
        self.recent: deque[str] = deque(maxlen=8)

    def fill(self, template: str, np: str = "") -> str:
        """Fill the slots of ``template``; ``np`` is the topic phrase."""
        rng = self.rng
        text = template.replace("{np}", np) if "{np}" in template else template
        if "{" not in text:
            return text
        return text.format(
            ally=rng.choice(ALLIES), summit=self.summit, aspirant=rng.choice(self.aspirants),
            city=rng.choice(CITIES), number=rng.randint(3, 31),
        )

    def phrase(self, topic: Topic) -> str:
        """One noun phrase for ``topic``, slots filled."""
        return self.fill(self.rng.choice(topic.phrases))

    def sentence(self, topic: Topic) -> str:
        """One sentence an official says, mostly about ``topic``; not one of the last few again."""
        for _ in range(4):
            text = self._sentence(topic)
            if text not in self.recent:
                break
        self.recent.append(text)
        return text

    def _sentence(self, topic: Topic) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.45:
            return self.fill(rng.choice(topic.facts))
        if roll < 0.8:
            subject, after_opener, plural = rng.choice(SUBJECTS)
            opener = rng.choice(OPENERS)
            predicate = rng.choice(VERBS)[0 if plural else 1].replace("{np}", self.phrase(topic))
            tail = self.fill(rng.choice(TAILS))
            if opener == "Today, " and "today" in tail:
                tail = ""
            return f"{opener}{after_opener if opener else subject} {predicate}{tail}."
        return self.fill(rng.choice(GENERIC))

    def answer_start(self, text: str) -> str:
        """Begin an answer the way speakers do: "Well, ...", "First of all, ..." or directly."""
        start = self.rng.choice(ANSWER_OPENERS)
        if not start or start.endswith(". "):
            return start + text
        if any(opener and text.startswith(opener) for opener in OPENERS):
            return text  # "Well, but ..." reads wrong: the sentence has its own opener
        return start + _lower_first(text)

    def question(self, topic: Topic) -> str:
        """The words of one question from the floor."""
        rng = self.rng
        parts = [self.fill(rng.choice(QUESTION_OPENERS), self.phrase(topic)).strip()]
        if rng.random() < 0.06:
            # A quotation with a colon mid-paragraph: text a label pattern must not take for a speaker.
            quote = f"you have said, and I quote: “{self.fill(rng.choice(topic.facts))}”"
            lead = parts[0] or "Secretary General,"
            parts[0] = f"{lead} {quote if lead.endswith(',') else quote[0].upper() + quote[1:]}"
        elif rng.random() < 0.5:
            parts.append(self.fill(rng.choice(QUESTION_CONTEXT), self.phrase(topic)))
        for _ in range(rng.choice((1, 1, 1, 2, 2, 3))):
            if rng.random() < 0.5:
                parts.append(self.fill(rng.choice(topic.questions)))
            else:
                parts.append(self.fill(rng.choice(QUESTION_TEMPLATES), self.phrase(topic)))
        for i in range(1, len(parts)):
            if parts[i - 1].endswith(","):
                parts[i] = _lower_first(parts[i])
        text = " ".join(dict.fromkeys(p.strip() for p in parts if p))  # a question asked once, not twice
        return text + rng.choice(QUESTION_CLOSERS)

    def inaudible_question(self, topic: Topic) -> str:
        """A question the transcriber only partly heard."""
        mark = self.rng.choice(("[inaudible]", "[Inaudible]", "(inaudible)", "[inaudible]..."))
        return f"{mark} {self.fill(self.rng.choice(QUESTION_TEMPLATES), self.phrase(topic))}"

    def follow_up(self, topic: Topic) -> str:
        """A short follow-up from the same reporter."""
        rng = self.rng
        start = rng.choice(("Just a follow-up. ", "If I may follow up. ", "Sorry, just to follow up. ", ""))
        return start + self.fill(rng.choice(QUESTION_TEMPLATES), self.phrase(topic))


LOWERABLE = frozenset(
    "The This That Our We It There All More Every These Those An A One No And So But Let At Once As Therefore "
    "Of Many Ministers Leaders Diplomacy Training Enlargement Arms Missile Terrorism Climate Cyberspace "
    "Transition Cooperation Fairer Hybrid Partnership Today, What Can Did How Is Will Do Has When Would Should "
    "Who Are Just There".split()
)


def _lower_first(text: str) -> str:
    """Lower-case the first word after an opener, unless it is a name ("NATO", "Russia", "I")."""
    first = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if first in LOWERABLE else text
