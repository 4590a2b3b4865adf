"""Renderer tests: each output checked for what a reader sees."""
