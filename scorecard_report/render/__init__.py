"""Renderers behind one protocol (``formats.FORMATS``): each lays out the document view (the CSV: the report
model's rows) as one output format, deciding nothing and reading no file."""
