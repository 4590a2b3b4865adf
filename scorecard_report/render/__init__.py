"""Renderers: each turns the report model into one output format and decides nothing."""
