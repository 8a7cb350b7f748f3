"""Speakers a headline names by surname alone, vouched for by their page (pipeline/extract/headlines.py).
Every headline, name and body here is invented for the project."""
from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from pipeline.extract import extract
from pipeline.extract.headlines import frames, page_people, with_page_people
from pipeline.records import Release

REPO = Path(__file__).resolve().parent.parent

SURNAMES = ["Okonkwo", "Halloran", "Brightwater", "McAdam", "O'Rourke", "DeSouza", "Amadi-Roe", "Vantreece",
            "Lindqvist", "Tamura", "Achterberg", "Quispe", "Fairbairn", "Nakashima", "Obuya", "Szczepanski"]
OTHERS = ["Pellworth", "Iddon", "Marchbank"]

# The frames a headline gives a speaker; {n} is the page's member, {o} another member.
FRAMES = {
    "works_of_speech": "{n} Statement on the Harbour Dredging Plan",
    "colon_claim": "{n}: The Ferry Levy Hurts Island Families",
    "says": "{n} Says the Rail Timetable Is Bad News for Commuters",
    "to_body": "{n} to Transit Board: We Need Answers on the Delays",
    "at_event": "{n} at Budget Hearing: Coastal Towns Come First",
    "possessive_response": "{n}'s Response to the Flood Map Ruling",
    "trailing_verb": "End the Subsidies for Toll Roads, {n} Demands",
    "labelled": "Update: {n} Statement on the Bridge Closure",
    "coordinated": "{o}, {n}: Keep the Lighthouse Open",
}
# Headlines that give no speaker's words: a stance, an act, a schedule.
NO_FRAME = ["{n} Applauds Passage of the Ferry Bill", "{n} Announces Grants for Three Fire Stations",
            "Weekly Schedule for the District Office"]


def _page(rng: random.Random, name: str, frame: str, publisher: str | None) -> list[Release]:
    """One listing page's releases: the frame under test among other headlines of the same member."""
    other = rng.choice(OTHERS)
    titles = [FRAMES[frame].format(n=name, o=other), *(t.format(n=name) for t in NO_FRAME),
              FRAMES["works_of_speech"].format(n=name).replace("Harbour", "Canal"),
              FRAMES["says"].format(n=name).replace("Rail", "Bus"),
              FRAMES["works_of_speech"].format(n=name).replace("Harbour", "Reservoir")]
    rng.shuffle(titles)
    return [Release(sources=("members.html",), kind="press_release", title=t, summary="", organization=publisher)
            for t in titles]


@pytest.mark.parametrize("frame", sorted(FRAMES))
def test_a_surname_in_each_frame_is_a_speaker_of_that_headline(nlp, frame: str) -> None:
    rng = random.Random(frame)
    found = expected = 0
    for name in SURNAMES:
        releases = with_page_people(_page(rng, name, frame, publisher=None))
        for release in extract(releases, nlp):
            people = {p.name for p in release.spokespeople}
            if release.title == FRAMES[frame].format(n=name, o=release.title.split(",")[0]):
                expected += 1
                found += name in people
            elif any(release.title == t.format(n=name) for t in NO_FRAME):
                assert name not in people, release.title  # a stance or an act is not words said
    assert expected == len(SURNAMES)
    assert found == expected


def test_names_coordinated_with_the_member_speak_too(nlp) -> None:
    releases = with_page_people(_page(random.Random(1), "Halloran", "coordinated", publisher=None))
    coordinated = [r for r in extract(releases, nlp) if ":" in (r.title or "") and "," in (r.title or "")]
    assert coordinated and all({p.name for p in r.spokespeople} >= {"Halloran", r.title.split(",")[0]}
                               for r in coordinated)


@pytest.mark.parametrize(
    ("titles", "publisher", "people"),
    [
        # three headlines in a speaker's frame, or a person's title anywhere on the page, vouch for a surname
        (["Tamura Statement on A", "Tamura Says B", "Tamura to Board: C"], None, {"Tamura"}),
        # (the capitalised words after a title are all taken: a frame must still hold one for it to speak)
        (["Tamura: A"], "U.S. Senator Rina Tamura", {"Tamura", "Rina"}),
        (["Tamura: A", "Rep. Tamura Hosts a Town Hall"], None, {"Tamura", "Hosts"}),
        # two are not enough, and a lone word before a colon is a label as often as a name
        (["Tamura Statement on A", "Tamura Says B"], None, set()),
        (["Spotlight: A", "Spotlight: B", "Spotlight: C", "Spotlight: D"], None, set()),
        # the publisher's own name, a place, a body and a label are nobody
        (["Brovia Statement on A", "Brovia Statement on B", "Brovia Says C"], "Brovia Ltd", set()),
        (["Kenya Statement on A", "Kenya Statement on B", "Kenya Says C"], None, set()),
        (["Council Statement on A", "Council Statement on B", "Council Says C"], None, set()),
        (["Update Statement on A", "Update Statement on B", "Update Says C"], None, set()),
    ],
)
def test_page_people(titles: list[str], publisher: str | None, people: set[str]) -> None:
    assert page_people(titles, [], publisher) == people


def test_a_page_without_vouched_names_gives_no_headline_speakers(nlp) -> None:
    titles = ["Brovia Statement on the Quarter", "Brovia Says Sales Rose", "Brovia to Investors: Stay the Course"]
    releases = with_page_people([Release(sources=("b.html",), kind="press_release", title=t, summary="",
                                         organization="Brovia Ltd") for t in titles])
    assert all(not r.page_people for r in releases)
    assert all(not r.spokespeople for r in extract(releases, nlp))


@pytest.mark.parametrize(
    ("title", "names"),
    [
        ("Okonkwo Statement on the Levy", ["Okonkwo"]),
        ("Fairbairn, Okonkwo: Keep the Lighthouse Open", ["Fairbairn", "Okonkwo"]),
        ("Okonkwo and Fairbairn to Board: Answers Now", ["Okonkwo", "Fairbairn"]),
        ("Statement From Congresswoman Okonkwo", ["Congresswoman Okonkwo"]),
        ("Statement by Dr. Ada Okonkwo, Harbour Trust", []),  # a full name is the recogniser's to read
        ("Okonkwo Applauds the Ferry Bill", []),
        ("Five Ways to Save Water", []),
    ],
)
def test_frames(title: str, names: list[str]) -> None:
    assert [title[start:end] for found, _label in frames(title) for start, end, _name in found] == names


def test_a_titled_surname_takes_the_title_as_its_role(nlp) -> None:
    releases = with_page_people([Release(sources=("s.html",), kind="press_release",
                                         title="Statement From Congresswoman Okonkwo", summary="")])
    (out,) = list(extract(releases, nlp))
    assert [(p.name, p.role) for p in out.spokespeople] == [("Okonkwo", "Congresswoman")]


@pytest.mark.slow
def test_a_members_listing_run_end_to_end(tmp_path: Path) -> None:
    """A member's newsroom listing, read and split from HTML: its headlines' speakers are in the dataset."""
    cards = "".join(
        f'<li><a href="/news/{n}">{title}</a> <span class="date">March {n + 1}, 2021</span></li>'
        for n, title in enumerate(["Halloran Statement on the Harbour Dredging Plan",
                                   "Halloran Says the Rail Timetable Is Bad News",
                                   "Halloran Applauds Passage of the Ferry Bill",
                                   "Pellworth, Halloran: Keep the Lighthouse Open",
                                   "Halloran Statement on the Canal Tolls"]))
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "halloran.html").write_text(
        f"<html><head><title>Press Releases</title></head><body><h1>Press Releases</h1><ul>{cards}</ul></body></html>")
    out = tmp_path / "out"
    subprocess.run([sys.executable, "-m", "pipeline", "run", "--raw", str(raw), "--out", str(out), "--no-progress"],
                   check=True, cwd=REPO, capture_output=True)
    rows = ds.dataset(out / "releases").to_table(columns=["title", "spokespeople"]).to_pylist()
    speakers = {r["title"]: sorted(p["name"] for p in r["spokespeople"]) for r in rows}
    assert speakers["Halloran Statement on the Harbour Dredging Plan"] == ["Halloran"]
    assert speakers["Halloran Says the Rail Timetable Is Bad News"] == ["Halloran"]
    assert speakers["Pellworth, Halloran: Keep the Lighthouse Open"] == ["Halloran", "Pellworth"]
    assert speakers["Halloran Applauds Passage of the Ferry Bill"] == []
