"""Templates, stylesheet and fonts for the documents: package data, overridable with --templates."""
