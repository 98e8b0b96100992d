"""Bad input gets a named error (or a reported warning) and never stops a batch (issue 2, point 6)."""
import io
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from data.article import Article
from data.loaders import DEFAULT_MAX_BYTES, LoadError, load_path
from data.loaders.errors import CODES

FIX = Path(__file__).parent / "fixtures" / "loaders"
BODY = "Officials in both capitals said the talks would continue next month.\n"


def codes(path, **kw):
    return [(x.code if isinstance(x, LoadError) else "article") for x in load_path(path, **kw)]


def test_error_shape():
    e = LoadError("a.txt", "empty_file", "file is empty")
    assert (e.source, e.code, e.message, e.is_warning) == ("a.txt", "empty_file", "file is empty", False)
    assert LoadError("a.txt", "decode_fallback", "x").is_warning
    with pytest.raises(ValueError, match="code must be an identifier"):
        LoadError("a.txt", "not a code", "x")
    assert len(CODES) == 12
    assert LoadError("a.csv#2", "bad_date", "x").is_warning


def test_loaders_only_use_documented_codes(tmp_path):
    (tmp_path / "e.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(b"\x00" * 10)
    got = list(load_path(FIX)) + list(load_path(tmp_path)) + list(load_path(tmp_path / "missing"))
    errors = [x for x in got if isinstance(x, LoadError)]
    assert len(errors) == 10
    assert all(e.code in CODES for e in errors)


def test_empty_and_whitespace_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n\t \r\n")
    (tmp_path / "empty.jsonl").write_bytes(b"\n\n")
    (tmp_path / "header_only.csv").write_bytes(b"id,text\n")
    assert codes(tmp_path / "empty.txt") == ["empty_file"]
    assert codes(tmp_path / "blank.txt") == ["empty_file"]
    assert codes(tmp_path / "empty.jsonl") == ["empty_file"]
    assert codes(tmp_path / "header_only.csv") == []  # a valid dump with no rows


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,      # an image renamed .txt
    b"some text\x00\x00\x00 more\x00" * 100,            # NUL bytes
    bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16]) * 200,  # control bytes, no NUL
])
def test_binary_file_with_text_extension(tmp_path, data):
    f = tmp_path / "photo.txt"
    f.write_bytes(data)
    got = list(load_path(f))
    assert [x.code for x in got] == ["binary_file"]


def test_invalid_utf8_falls_back_to_cp1252_and_reports_it(tmp_path):
    f = tmp_path / "cp1252.txt"
    f.write_bytes("Caf\u00e9 Talks Resume\n\nThe minister said \u201cwe are close\u201d to a deal, "
                  "officials in Bak\u0131 said.\n".replace("\u0131", "u").encode("cp1252"))
    got = list(load_path(f))
    assert [type(x).__name__ for x in got] == ["Article", "LoadError"]
    art, warn = got
    assert art.title == "Caf\u00e9 Talks Resume"
    assert "\u201cwe are close\u201d" in art.text  # cp1252 curly quotes, not latin-1 controls
    assert warn.code == "decode_fallback" and warn.is_warning and "cp1252" in warn.message
    # Reported once, as the LoadError: a copy in meta["warnings"] was logged a second time.
    assert "warnings" not in art.meta


def test_invalid_utf8_falls_back_to_latin1(tmp_path):
    f = tmp_path / "latin1.txt"
    # 0x81 is undefined in cp1252, so only latin-1 decodes it
    f.write_bytes(b"Officials said the talks in M\x81nchen and Z\xfcrich would continue.\n")
    got = list(load_path(f))
    assert got[0].text.startswith("Officials said")
    assert got[1].code == "decode_fallback" and "latin-1" in got[1].message


def test_invalid_utf8_in_csv_warns_once(tmp_path):
    f = tmp_path / "rows.csv"
    f.write_bytes("title,text\nA,Caf\u00e9 talks went on late.\nB,Other talks ended early.\n".encode("cp1252"))
    got = list(load_path(f))
    assert [type(x).__name__ for x in got] == ["Article", "Article", "LoadError"]
    assert got[0].text == "Caf\u00e9 talks went on late."
    assert got[2].code == "decode_fallback" and got[2].source == str(f)


def _pdf_bytes():
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, "Officials said talks would continue next month in a neutral capital.")
    return bytes(pdf.output())


def test_corrupt_pdfs(tmp_path):
    good = _pdf_bytes()
    (tmp_path / "garbage.pdf").write_bytes(b"%PDF-1.7\n" + b"\xde\xad\xbe\xef" * 50)
    (tmp_path / "truncated.pdf").write_bytes(good[: len(good) // 3])
    (tmp_path / "not_a_pdf.pdf").write_bytes(b"just some words pretending to be a PDF")
    for name in ("garbage.pdf", "truncated.pdf", "not_a_pdf.pdf"):
        got = codes(tmp_path / name)
        assert got in (["pdf_corrupt"], ["no_article"]), (name, got)
    assert codes(tmp_path / "garbage.pdf") == ["pdf_corrupt"]
    assert codes(tmp_path / "not_a_pdf.pdf") == ["pdf_corrupt"]


def test_encrypted_pdf(tmp_path):
    from pypdf import PdfReader, PdfWriter

    def encrypted(user_password):
        w = PdfWriter(clone_from=PdfReader(io.BytesIO(_pdf_bytes())))
        w.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="RC4-128")
        out = io.BytesIO()
        w.write(out)
        return out.getvalue()

    (tmp_path / "locked.pdf").write_bytes(encrypted("secret"))
    got = list(load_path(tmp_path / "locked.pdf"))
    assert [x.code for x in got] == ["pdf_encrypted"]
    assert "password" in got[0].message
    # encrypted against editing only (empty user password): readable, so it loads
    (tmp_path / "owner_only.pdf").write_bytes(encrypted(""))
    assert codes(tmp_path / "owner_only.pdf") == ["article"]


def test_pdf_without_text(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 50)  # a drawing and no text, like a scan
    (tmp_path / "scan.pdf").write_bytes(bytes(pdf.output()))
    assert codes(tmp_path / "scan.pdf") == ["no_article"]


@pytest.mark.parametrize("page", [
    "<html><body></body></html>",
    "<html><head><title>Login</title></head><body><form><input name=u></form></body></html>",
    "<!DOCTYPE html><html><body><nav><a href='/'>Home</a> <a href='/x'>World</a></nav></body></html>",
])
def test_html_with_no_article(tmp_path, page):
    f = tmp_path / "page.html"
    f.write_text(page, encoding="utf-8")
    assert codes(f) == ["no_article"]


def test_over_the_size_limit_is_refused_by_stat(tmp_path):
    f = tmp_path / "huge.txt"
    line = b"Tensions on the border have flared on and off since the truce, officials said.\n"
    with open(f, "wb") as fh:
        chunk = line * (1024 * 1024 // len(line) + 1)
        while fh.tell() <= DEFAULT_MAX_BYTES:
            fh.write(chunk)
    assert f.stat().st_size > DEFAULT_MAX_BYTES == 50 * 1024 * 1024
    t0 = time.perf_counter()
    got = list(load_path(f))
    assert time.perf_counter() - t0 < 1.0
    assert [x.code for x in got] == ["too_large"]
    assert "limit" in got[0].message


def test_just_under_a_limit_loads_fully(tmp_path):
    limit = 3 * 1024 * 1024
    para = ("Tensions on the border have flared on and off since the two countries reached a\n"
            "truce, ending a six-week armed conflict that claimed many lives, officials said.\n\n")
    text = ("A Long Report\n\n" + para * (limit // len(para)))[: limit - 200]
    text = text[: text.rfind("\n\n")] + "\n"
    f = tmp_path / "big.txt"
    f.write_text(text, encoding="utf-8")
    assert codes(f, max_bytes=limit) == ["article"]
    assert codes(f, max_bytes=f.stat().st_size - 1) == ["too_large"]


def test_missing_and_unsupported(tmp_path):
    assert codes(tmp_path / "nope.txt") == ["not_found"]
    (tmp_path / "slides.pptx").write_bytes(b"PK\x03\x04 whatever")
    assert codes(tmp_path / "slides.pptx") == ["unsupported_type"]


def test_csv_missing_columns_and_malformed_rows(tmp_path):
    (tmp_path / "cols.csv").write_text("id,title\n1,no text column\n", encoding="utf-8")
    assert codes(tmp_path / "cols.csv") == ["missing_columns"]
    (tmp_path / "rows.csv").write_text('title,text\nA,"Good row, officials said."\nB,\nC,"Another good row."\n',
                                       encoding="utf-8")
    assert codes(tmp_path / "rows.csv") == ["article", "bad_row", "article"]


def test_a_jsonl_row_with_two_text_like_fields_is_refused_by_name(tmp_path):
    (tmp_path / "d.jsonl").write_text(
        '{"headline": "Shelling", "content": "Forces shelled Jermuk.", "body": "Forces shelled it."}\n',
        encoding="utf-8")
    (err,) = list(load_path(tmp_path / "d.jsonl"))
    assert err.code == "bad_row"
    assert "'content' and 'body' could each be the article text" in err.message
    assert "rename the one that is to 'text'" in err.message


def test_jsonl_bad_lines_do_not_stop_the_file(tmp_path):
    f = tmp_path / "d.jsonl"
    f.write_text('{"text": "First row, officials said."}\n[1, 2]\n{"text": 5}\n{broken\n'
                 '{"text": "Last row, officials said."}\n', encoding="utf-8")
    got = list(load_path(f))
    assert [(x.code if isinstance(x, LoadError) else "article") for x in got] == [
        "article", "bad_row", "bad_row", "bad_row", "article"]
    assert [x.source.rsplit("#")[1] for x in got] == ["1", "2", "3", "4", "5"]


def test_json_array_file(tmp_path):
    f = tmp_path / "d.json"
    f.write_text('[{"id": 7, "text": "Row one, officials said."}, {"title": "no text"}]', encoding="utf-8")
    got = list(load_path(f))
    assert isinstance(got[0], Article) and got[0].meta["id"] == "7"
    assert got[1].code == "bad_row"


def test_one_bad_file_never_stops_the_batch(tmp_path):
    (tmp_path / "1_empty.txt").write_bytes(b"")
    (tmp_path / "2_binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "3_corrupt.pdf").write_bytes(b"%PDF-1.4 broken")
    (tmp_path / "4_cols.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (tmp_path / "5_page.html").write_text("<html><body></body></html>", encoding="utf-8")
    (tmp_path / "6_good.txt").write_text("Good Title\n\n" + BODY, encoding="utf-8")
    got = list(load_path(tmp_path))
    assert [x.code if isinstance(x, LoadError) else "article" for x in got] == [
        "empty_file", "binary_file", "pdf_corrupt", "missing_columns", "no_article", "article"]
    assert got[-1].title == "Good Title"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000),
       ext=st.sampled_from([".txt", ".pdf", ".html", ".xml", ".jsonl", ".json", ".csv", ".tsv", ".bin"]))
def test_never_raises_on_arbitrary_bytes(tmp_path, data, ext):
    f = tmp_path / ("x" + ext)
    f.write_bytes(data)
    for x in load_path(f):
        assert isinstance(x, (Article, LoadError))
        # the catch-all for loader bugs must not be what handled it
        assert not (isinstance(x, LoadError) and x.message.startswith("loader failed")), x


# --- legacy encodings ----------------------------------------------------------------------------

@pytest.mark.parametrize("text,encoding", [
    ("Министерство обороны заявило во вторник, что обстрел продолжался всю ночь.", "cp1251"),
    ("Żołnierze wycofali się z miasta, poinformowało ministerstwo obrony w środę.", "cp1250"),
    ("Το υπουργείο Άμυνας ανακοίνωσε ότι οι συνομιλίες θα συνεχιστούν τον Μάιο.", "cp1253"),
    ("L'armée a affirmé lundi avoir repris le contrôle du pont, a déclaré un porte-parole.", "cp1252"),
])
def test_legacy_encoding_is_chosen_by_the_words_it_makes(tmp_path, text, encoding):
    f = tmp_path / "legacy.txt"
    f.write_bytes(text.encode(encoding))
    art, warn = list(load_path(f))
    assert art.text == text
    assert warn.code == "decode_fallback" and warn.message.endswith(f"decoded as {encoding}")


# --- dates in dumps --------------------------------------------------------------------------------

def test_unread_and_ambiguous_dates_warn_per_row(tmp_path):
    f = tmp_path / "d.csv"
    f.write_text("title,published,text\nA,09/10/2023,Officials said talks went well.\n"
                 "B,19/09/2023,Officials said talks failed.\nC,soon,Officials said nothing.\n", encoding="utf-8")
    got = list(load_path(f))
    assert [(x.source.rsplit("#")[1], x.code if isinstance(x, LoadError) else x.published) for x in got] == [
        ("1", None), ("1", "bad_date"), ("2", "2023-09-19"), ("3", None), ("3", "bad_date")]
    assert "'09/10/2023' is ambiguous" in got[1].message and got[1].is_warning
    assert "'soon'" in got[4].message
    assert got[0].meta["published_raw"] == "09/10/2023" and "warnings" not in got[0].meta


def test_json_number_published_is_a_unix_time(tmp_path):
    f = tmp_path / "d.jsonl"
    f.write_text('{"text": "Officials said talks went well.", "published": 1700438400}\n'
                 '{"text": "Officials said talks failed.", "published": 2023}\n', encoding="utf-8")
    got = list(load_path(f))
    assert got[0].published == "2023-11-20"
    assert got[1].published is None and got[2].code == "bad_date"


# --- column names ----------------------------------------------------------------------------------

def test_common_column_names_are_read_as_the_fields(tmp_path):
    f = tmp_path / "d.csv"
    f.write_text("Headline,Body,pubDate,Link,Source,section\n"
                 "Talks resume,Officials said talks went well.,2023-05-01,https://example.org/a,AP News,world\n",
                 encoding="utf-8")
    (a,) = list(load_path(f))
    assert (a.title, a.text, a.published, a.url, a.publisher) == (
        "Talks resume", "Officials said talks went well.", "2023-05-01", "https://example.org/a",
        "Associated Press")
    assert a.meta == {"section": "world"}


def test_a_text_column_wins_over_text_like_ones(tmp_path):
    f = tmp_path / "d.jsonl"
    f.write_text('{"text": "Officials said talks went well.", "content": "<p>teaser</p>", "body": "x"}\n',
                 encoding="utf-8")
    (a,) = list(load_path(f))
    assert a.text == "Officials said talks went well." and a.meta == {"content": "<p>teaser</p>", "body": "x"}


def test_json_array_errors_name_items_and_jsonl_errors_name_lines(tmp_path):
    (tmp_path / "a.json").write_text('[{"text": "Officials said so."}, {"title": "no text"}]', encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "Officials said so."}\n{"title": "no text"}\n', encoding="utf-8")
    assert list(load_path(tmp_path / "a.json"))[1].message.startswith("item 2 has no 'text'")
    assert list(load_path(tmp_path / "b.jsonl"))[1].message.startswith("line 2 has no 'text'")
