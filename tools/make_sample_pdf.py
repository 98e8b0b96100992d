"""Regenerate the sample PDF of the bundled corpus.

The article below was written for this project from publicly reported facts (it is a
sample, not real reporting; licence CC0). The PDF states that in its document metadata
(subject and keywords), not in the page text, so the page text stays a clean article.

Usage::

    python tools/make_sample_pdf.py [OUTPUT]

OUTPUT defaults to ``data/articles/030_tavush-border-guards.pdf``. The output is byte-for-byte
reproducible: the creation date is fixed and the text uses only the PDF core fonts.
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from fpdf import FPDF

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "data" / "articles" / "030_tavush-border-guards.pdf"

TITLE = 'Azerbaijani Border Guards Take Up Posts at Returned Tavush Villages'
DATELINE = "May 24, 2024"
PUBLISHER = 'Sample Wire (written for this project)'
URL = "https://samples.example.org/2024/05/24/tavush-border-guards"
SAMPLE_NOTE = ("Sample article written for the conflict-news analytics project from publicly "
               "reported facts; not real reporting. sample=true. Licence CC0.")
PARAGRAPHS = [
    'Azerbaijan said on Friday that its border guards had taken up positions in the area of four villages returned by Armenia under a border delimitation deal agreed last month.',
    "The villages, Baghanis Ayrum, Ashaghi Askipara, Kheyrimli and Gizilhajili, lie on the border between Armenia's Tavush province and Azerbaijan's Gazakh district. They were Azerbaijani villages in Soviet times and had been held by Armenia since the early 1990s.",
    "The two countries' border commissions signed a protocol on the section last week, officials said. Armenian border guards moved into new posts on their side of the line.",
    'The handover went ahead despite weeks of protests in Armenia led by Archbishop Bagrat Galstanyan, who had demanded that Prime Minister Nikol Pashinyan step down.',
    'Pashinyan has said the process is a step towards a peace treaty with Azerbaijan.',
    'Monitors of the EU mission in Armenia, EUMA, have patrolled the Armenian side of the border since February 2023.',
]
# Fixed so that re-running the script does not change the committed file.
CREATED = dt.datetime(2024, 5, 24, 15, 30, tzinfo=dt.timezone.utc)


def build(out: Path) -> Path:
    """Write the sample PDF to ``out`` and return the path.

    Parameters
    ----------
    out : Path
        Destination file; its folder must exist.

    Returns
    -------
    Path
        The path written.
    """
    out = Path(out)
    if not out.parent.is_dir():
        raise ValueError(f"out: folder {str(out.parent)!r} does not exist; create it first")
    for text in [TITLE, *PARAGRAPHS]:
        # Core fonts are Latin-1 only; keep the text ASCII so nothing is silently replaced.
        if not text.isascii():
            raise ValueError(f"text must be ASCII for the core PDF fonts, got {text[:40]!r}")
    pdf = FPDF(format="A4")
    pdf.set_title(TITLE)
    pdf.set_author(PUBLISHER)
    pdf.set_subject(SAMPLE_NOTE)
    pdf.set_keywords("sample=true; written for this project; Armenia; Azerbaijan; Tavush; "
                     "border delimitation; " + URL)
    pdf.set_creator("tools/make_sample_pdf.py")
    pdf.set_producer("fpdf2")
    pdf.set_creation_date(CREATED)
    pdf.set_margins(22, 20, 22)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 17)
    pdf.multi_cell(0, 8, TITLE, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("Helvetica", "", 10)
    pdf.cell(0, 6, DATELINE, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Times", "", 12)
    for para in PARAGRAPHS:
        pdf.multi_cell(0, 6, para, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.output(str(out))
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT
    print(build(target))
