"""Deck authoring: review state in deck files, text edits that keep the teacher's layout,
warnings on drafts, and proposals for other forms of a card. No Textual here."""
