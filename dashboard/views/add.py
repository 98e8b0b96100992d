"""Add articles: upload files or paste text; progress, per-file errors, size limit; new data is
visible at once (queries are keyed on the data version)."""
import re
import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import queries, ui

MAX_MB = 25
TYPES = ["txt", "pdf", "html", "htm", "xml", "rss", "atom", "jsonl", "ndjson", "csv"]


def _safe_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", Path(name).name)[:120] or "upload"


def _ingest(files: list[tuple[str, bytes]]) -> dict:
    """Write uploads to a temporary folder and run the pipeline over them."""
    from data.pipeline import ingest

    bar = st.progress(0.0, text="Starting ...")
    with tempfile.TemporaryDirectory(prefix="upload-") as tmp:
        paths, names = [], {}
        for i, (name, data) in enumerate(files):
            p = Path(tmp) / f"{i:03d}_{_safe_name(name)}"
            p.write_bytes(data)
            paths.append(str(p))
            names[str(p)] = name

        progress = ui.WriteProgress(bar, "Processed {done} of {total} files")
        summary = ingest(paths, queries.store(), progress=progress).as_dict()
        progress.stop_if_left()
    bar.progress(1.0, text="Done")

    def orig(src):
        src = str(src or "")
        base, _, item = src.partition("#")
        return names.get(base, Path(base).name) + (f" #{item}" if item else "")

    for kind in ("failed", "warnings"):
        for e in summary[kind]:
            e["file"] = orig(e["file"])
    return summary


ctx = ui.context()
st.title("Add articles")
st.caption(f"Files up to {MAX_MB} MB each: {', '.join(TYPES)}. Each file is loaded, cleaned and "
           "read for places, figures, dates and actors; a file that fails never stops the others.")
tab_files, tab_paste = st.tabs(["Upload files", "Paste text"])
with tab_files:
    uploads = st.file_uploader("Article files", type=TYPES, accept_multiple_files=True, key="add_files",
                               max_upload_size=MAX_MB)
    if st.button("Add these files", disabled=not uploads, key="add_go"):
        ok, too_big = [], []
        for u in uploads or []:
            (too_big if u.size > MAX_MB * 1024 * 1024 else ok).append(u)
        result = _ingest([(u.name, u.getvalue()) for u in ok]) if ok else {"loaded": 0, "duplicates": 0,
                                                                            "failed": [], "warnings": []}
        result["failed"] += [{"file": u.name, "code": "too_large", "message": f"larger than {MAX_MB} MB"}
                             for u in too_big]
        st.session_state["_add_result"] = result
        st.rerun()
with tab_paste:
    with st.form("paste", clear_on_submit=False):
        text = st.text_area("Article text", height=240, key="add_text")
        c1, c2 = st.columns(2)
        title = c1.text_input("Title (optional)", key="add_title")
        published = c2.date_input("Published (optional)", value=None, key="add_published")
        c3, c4 = st.columns(2)
        publisher = c3.text_input("Publisher (optional)", key="add_publisher")
        url = c4.text_input("URL (optional)", key="add_url")
        submitted = st.form_submit_button("Add this article")
    if submitted:
        if not text.strip():
            st.error("Paste some article text first.")
        else:
            head = {"title": title, "published": published.isoformat() if published else "",
                    "publisher": publisher, "url": url}
            front = "".join(f"{k}: {' '.join(str(v).split())}\n" for k, v in head.items() if v)
            body = (f"---\n{front}---\n" if front else "") + text
            st.session_state["_add_result"] = _ingest([("pasted.txt", body.encode("utf-8"))])
            st.rerun()

res = st.session_state.get("_add_result")
if res:
    st.success(f"Loaded {res['loaded']} new article(s); {res['duplicates']} already in the store. "
               f"Data version is now {queries.live_version()}.")
    if res["failed"]:
        st.error(f"{len(res['failed'])} file(s) or item(s) could not be loaded:")
        st.dataframe(pd.DataFrame(res["failed"]), hide_index=True)
    if res["warnings"]:
        st.warning("Loaded with warnings:")
        st.dataframe(pd.DataFrame(res["warnings"]), hide_index=True)
    st.markdown(f"[See them on the overview]({ui.link('overview')})")
