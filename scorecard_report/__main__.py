"""Run the command-line interface as ``python -m scorecard_report``."""

from __future__ import annotations

import sys

from scorecard_report.cli import main

sys.exit(main())
