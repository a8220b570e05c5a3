"""Moving decks in and out: Anki packages, Quizlet text, Kahoot spreadsheets, CSV and JSON.

One module per format. Exporters turn loaded `Deck`s into bytes or text; importers turn a
file into `ImportedDeck`s, which `yaml_out` writes as ordinary deck files that pass
`caucasusquiz check`. Nothing here imports Textual.
"""
