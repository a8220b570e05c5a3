"""The live class quiz: sessions, questions, students, answers and scores, shared through SQLite.

Every participant (the host and each student, in a terminal or a served browser tab) is a
process on the same machine, so the class state lives in one small SQLite file in the data
folder (`class.sqlite3`, separate from progress). The host writes the session's state; the
students write their own answers; everyone polls. No Textual here: the UI is in ui/screens.
"""
