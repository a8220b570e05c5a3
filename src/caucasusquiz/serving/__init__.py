"""Serving the app to a class's browsers with textual-serve: one app process per browser tab.

`mode` says whether this process is a served tab (what is switched off there); `gate`
keeps everything behind the class code when the server listens beyond this machine;
`web` is the textual-serve server with that gate in front. See docs/classroom.md.
"""
