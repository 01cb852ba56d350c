"""Who may see whom: scope, restriction and break-glass, below every domain app.

`scope` (which cases a user reaches), `restriction` (restricted people and cases),
`break_glass` (reasons given to open a restricted record), `errors`, `rules` (role
predicates) and `http` (the redirect to the reason form). Access names the records it reads
by app label (`records`), as a ForeignKey does, so apps import it and it imports none of them
(docs/adr/0009-layers.md).
"""
