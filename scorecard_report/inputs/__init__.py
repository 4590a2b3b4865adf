"""Frozen, typed inputs with no I/O: vocabulary, periods, catalogue, values, benchmarks, commentary."""
