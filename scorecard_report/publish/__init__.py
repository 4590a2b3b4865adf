"""Publishing: putting finished outputs in place, whole or not at all."""
