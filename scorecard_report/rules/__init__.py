"""The scorecard rules as pure functions: one module per rule in docs/scorecard-rules.md."""
