"""What the data means: record types, rule profiles, the calendar and the duties.

Pure Python: nothing here imports Textual or TinyDB (a test checks it).
"""
