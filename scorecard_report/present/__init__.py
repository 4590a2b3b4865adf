"""The presentation stage: the report model as one frozen document view, every word and tone decided."""
