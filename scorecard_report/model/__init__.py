"""The report model: one frozen description of a scorecard that every renderer reads."""
