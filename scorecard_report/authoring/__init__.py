"""Commentary authoring: drafts written from the data, and the commentary file they go into."""
