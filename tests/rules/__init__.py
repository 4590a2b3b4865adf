"""Hand-worked tests of the binding scorecard rules, one module per rule."""
