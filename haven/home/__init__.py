"""The staff home page: it reads from every app (worklists, intake queue, contracts), so it sits
above them (docs/adr/0009-layers.md). Its template is `core/home.html`."""
