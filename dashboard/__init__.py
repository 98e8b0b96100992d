"""The Streamlit dashboard: rendering only; reads the store through ``dashboard.queries``."""
