"""Generate the example values for the Wessex Vale children's services scorecard.

Wessex Vale Council is fictional and so are these numbers. They are made to
look like a real monthly extract: seasonal demand, slowly drifting
percentages, a few gaps and the odd spreadsheet habit (``1,348``, ``93%``).

Run from the repository root::

    python examples/childrens-services/generate.py

It reads ``indicator_specs.yaml`` and writes, beside this script:

* ``values.csv`` - long form: ``ref,period,value,numerator,denominator,note``
* ``values-wide.xlsx`` - wide form of exactly the same numbers

A few series are then shaped to tell SPC stories (see ``spc_stories``);
``rebases.yaml``, written by hand, goes with them.

The output is deterministic: a fixed random seed, and fixed timestamps
inside the workbook, so a rerun gives byte-identical files.

Needs only the standard library, PyYAML and openpyxl.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import random
import zipfile
from pathlib import Path

import yaml
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.writer.excel import ExcelWriter

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CATALOGUE = ROOT / "indicator_specs.yaml"
CSV_OUT = HERE / "values.csv"
XLSX_OUT = HERE / "values-wide.xlsx"

SEED = 20261031
FIXED_TIME = dt.datetime(2026, 11, 6, 9, 30, 0)

# Months generated: twelve months of history first (so that 12 month
# rolling figures are right from the first month written), then the 28
# months that are written out, July 2024 to October 2026.
FIRST = (2023, 7)
OUT_FIRST = (2024, 7)
LAST = (2026, 10)


def _months(first, last):
    y, m = first
    out = []
    while (y, m) <= last:
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


MONTHS = _months(FIRST, LAST)
N = len(MONTHS)
OUT0 = MONTHS.index(OUT_FIRST)
OUT_MONTHS = MONTHS[OUT0:]


def label(ym):
    return f"{ym[0]:04d}-{ym[1]:02d}"


def fin_year(ym):
    """Financial year start (April) of a month."""
    return ym[0] if ym[1] >= 4 else ym[0] - 1


# 0-17 population (mid-year estimate in use for each financial year).
POPULATION = {2023: 51450, 2024: 51650, 2025: 51900, 2026: 52100}


def pop(i):
    return POPULATION[fin_year(MONTHS[i])]


# Demand that follows the school year: dips in the August and December
# holidays, rises when schools return in September and January.
# fmt: off
SCHOOL = {1: 1.06, 2: 1.02, 3: 1.07, 4: 0.93, 5: 1.05, 6: 1.06,
          7: 1.00, 8: 0.80, 9: 1.03, 10: 1.08, 11: 1.09, 12: 0.86}
# Domestic abuse notifications peak around Christmas and the summer.
DOMESTIC = {1: 1.04, 2: 0.94, 3: 0.97, 4: 0.96, 5: 0.99, 6: 1.03,
            7: 1.06, 8: 1.07, 9: 0.96, 10: 0.97, 11: 0.96, 12: 1.12}
# fmt: on


class Gen:
    """Series generator; every call draws from one seeded stream in a fixed order."""

    def __init__(self, seed):
        self.rng = random.Random(seed)

    def noise(self, sd, phi, pin):
        """AR(1) noise that fades to zero at index ``pin``."""
        e, out = 0.0, []
        for _ in range(N):
            e = phi * e + self.rng.gauss(0.0, sd)
            out.append(e)
        last = out[pin]
        return [x - last * max(0.0, 1.0 - (pin - i) / 4.0) if i <= pin else x for i, x in enumerate(out)]

    def level(self, start, end, sd, *, rel=False, phi=0.5, season=None, pin=N - 1, lo=None, hi=None):
        """A path drifting from ``start`` (first month written) to ``end``
        (exactly, at index ``pin``: the last period of the indicator)."""
        e = self.noise(sd, phi, pin)
        out = []
        for i, ym in enumerate(MONTHS):
            t = min(1.0, max(0.0, (i - OUT0) / max(1, pin - OUT0)))
            v = start + (end - start) * t
            v = v * (1.0 + e[i]) if rel else v + e[i]
            if season and i != pin:
                v *= season[ym[1]]
            if lo is not None:
                v = max(lo, v)
            if hi is not None:
                v = min(hi, v)
            out.append(v)
        return out

    def gauss(self, mu, sd):
        return self.rng.gauss(mu, sd)


def pin_index(freq):
    if freq == "monthly":
        return N - 1
    months = {"quarterly": (3, 6, 9, 12), "annual": (3,)}[freq]
    return max(i for i, ym in enumerate(MONTHS) if ym[1] in months)


def emitted(freq, ym):
    if freq == "quarterly":
        return ym[1] in (3, 6, 9, 12)
    if freq == "annual":
        return ym[1] == 3
    return True


def nice_denominator(d):
    """A denominator near ``d`` for which 100*n/d has at most 2 decimals
    for some nearby numerator: returns (d, step) where n must be a multiple
    of ``step``."""
    best = None
    for delta in sorted(range(-8, 9), key=abs):
        c = d + delta
        if c <= 0:
            continue
        step = c // math.gcd(c, 10000)
        if best is None or step < best[1]:
            best = (c, step)
        if step == 1:
            break
    return best


def build(specs):
    """Return {ref: [value per month]} plus numerator/denominator series."""
    g = Gen(SEED)
    S = {}  # ref -> list of floats over MONTHS
    ND = {}  # ref -> (numerators, denominators, multiplier)
    freq = {ref: s.get("frequency", "monthly") for ref, s in specs.items()}

    def L(ref, start, end, sd, **kw):
        S[ref] = g.level(start, end, sd, pin=pin_index(freq[ref]), **kw)
        return S[ref]

    def share(base, start, end, sd):
        """A count that is a drifting share of another count."""
        p = g.level(start, end, sd)
        return [round(b * q) for b, q in zip(base, p, strict=True)]

    def rolling_rate(counts):
        out = []
        for i in range(N):
            window = counts[max(0, i - 11) : i + 1]
            total = sum(window) * 12 / len(window)
            out.append(total / pop(i) * 10000)
        return out

    def num_den(ref, dens, start, end, sd, nice_tail=0, hi=100.0):
        p = g.level(start, end, sd, pin=pin_index(freq[ref]), lo=0.0, hi=hi)
        nums, ds = [], []
        for i, (d, q) in enumerate(zip(dens, p, strict=True)):
            d = int(d)
            if i >= N - nice_tail:
                d, step = nice_denominator(d)
                n = step * round(d * q / 100 / step)
            else:
                n = round(d * q / 100)
            nums.append(min(n, d))
            ds.append(d)
        ND[ref] = (nums, ds, 100)
        S[ref] = [n / d * 100 for n, d in zip(nums, ds, strict=True)]

    # ---------------- Front Door ----------------
    fd1 = L("FD1", 1250, 1330, 0.035, rel=True, season=SCHOOL)
    S["FD1"] = fd1 = [round(v) for v in fd1]
    S["FD2"] = rolling_rate(fd1)
    S["FD2a"] = fd2a = share(fd1, 0.600, 0.630, 0.010)
    S["FD2b"] = fd2b = share(fd1, 0.270, 0.240, 0.012)
    S["FD2c"] = [b / a * 100 for a, b in zip(fd1, fd2b, strict=True)]
    L("FD3", 30, 26, 0.15, rel=True)
    S["FD4"] = fd4 = share(fd2a, 0.620, 0.640, 0.015)
    num_den("FD5", fd4, 76.0, 82.4, 2.0)
    L("FD6", 88.0, 93.0, 1.8, hi=100)
    fd8 = L("FD8", 41.0, 44.0, 2.0)
    fd8a = L("FD8a", 11.0, 13.0, 1.5, lo=4)
    fd8c = L("FD8c", 2.5, 3.1, 0.5, lo=0.5)
    S["FD8b"] = [
        100 - round(a, 1) - round(b, 1) - round(c, 1) for a, b, c in zip(fd8, fd8a, fd8c, strict=True)
    ]
    L("FD9", 3.8, 2.4, 0.3, lo=0.8)
    L("FD10", 290, 330, 0.07, rel=True, season=DOMESTIC)
    L("FD11", 94.0, 97.1, 1.2, hi=100)
    L("FD12", 22.0, 27.6, 1.0)

    # ---------------- Early Help ----------------
    L("EH1", 4.6, 3.6, 0.4, lo=1.0)
    eh2 = L("EH2", 590, 640, 0.02, rel=True, phi=0.8)
    S["EH2"] = eh2 = [round(v) for v in eh2]
    S["EH3"] = [v / pop(i) * 10000 for i, v in enumerate(eh2)]
    L("EH4", 72, 78, 0.10, rel=True, season=SCHOOL)
    L("EH5", 70, 74, 0.10, rel=True)
    eh6 = [round(v) for v in L("EH6", 58, 66, 0.10, rel=True)]
    S["EH6"] = eh6
    num_den("EH7", eh6, 92.0, 86.0, 3.0)
    L("EH8", 76.0, 71.8, 2.5)
    L("EH9", 9.5, 8.4, 1.0, lo=2)
    L("EH10", 12, 14, 0.25, rel=True)
    L("EH11", 13.0, 16.9, 1.2)
    L("EH12", 150, 175, 0.08, rel=True)
    L("EH13", 67.0, 72.0, 2.0)
    L("EH14", 71.0, 76.5, 1.5)
    L("EH15", 85, 110, 0.10, rel=True)
    L("EH16", 81.0, 84.0, 2.5, hi=100)

    # ---------------- Children in Need and Child Protection ----------------
    ratio = g.level(0.245, 0.225, 0.008)
    S["CIN1"] = cin1 = [round(c * r) for c, r in zip(fd1, ratio, strict=True)]
    S["FD7"] = [r / c * 100 for c, r in zip(fd1, cin1, strict=True)]
    S["CIN2"] = rolling_rate(cin1)
    L("CIN3", 96.0, 93.6, 1.2, hi=100)
    num_den("CIN4", cin1, 23.0, 21.5, 2.0)
    L("CIN5", 27.0, 22.0, 2.0)
    cin6 = [round(cin1[max(0, i - 1)] * 0.96 * (1 + g.gauss(0, 0.04))) for i in range(N)]
    # the last three months' denominators are chosen so that CIN7 can be
    # given as numerator/denominator only, with an exact percentage
    for i in range(N - 3, N):
        cin6[i] = nice_denominator(cin6[i])[0]
    S["CIN6"] = cin6
    num_den("CIN7", cin6, 74.0, 88.0, 2.5, nice_tail=3)
    S["CIN8"] = rolling_rate(cin6)
    cin9 = [round(v) for v in L("CIN9", 118, 126, 0.07, rel=True)]
    S["CIN9"] = cin9
    cin10 = L("CIN10", 77.0, 79.0, 3.0, hi=100)
    S["CIN11"] = cin11 = [
        round(cin9[max(0, i - 1)] * cin10[max(0, i - 1)] / 100 * (0.97 + g.gauss(0, 0.04))) for i in range(N)
    ]
    cin12 = L("CIN12", 40.0, 47.8, 2.5)
    cin13 = L("CIN13", 2380, 2290, 0.012, rel=True, phi=0.85)
    S["CIN13"] = cin13 = [round(v) for v in cin13]
    S["CIN14"] = [v / pop(i) * 10000 for i, v in enumerate(cin13)]
    L("CIN15", 480, 455, 0.02, rel=True, phi=0.85)
    L("CIN16", 88.0, 84.6, 1.5, hi=100)
    cin17 = [round(v) for v in L("CIN17", 365, 392, 0.025, rel=True, phi=0.85)]
    S["CIN17"] = cin17
    ND["CIN18"] = (cin17, [pop(i) for i in range(N)], 10000)
    S["CIN18"] = [n / pop(i) * 10000 for i, n in enumerate(cin17)]
    L("CIN19", 38, 42, 0.18, rel=True)
    L("CIN20", 36, 40, 0.18, rel=True)
    L("CIN21", 93.0, 88.7, 1.5, hi=100)
    L("CIN22", 21.5, 18.5, 1.2)
    cin23 = L("CIN23", 130, 142, 0.10, rel=True)
    S["CIN24"] = [round(v * (0.56 + g.gauss(0, 0.03))) for v in cin23]
    L("CIN25", 93.0, 96.0, 1.5, hi=100)
    L("CIN26", 76.0, 68.5, 3.0, hi=100)
    L("CIN27", 28, 34, 0.15, rel=True)
    L("CIN28", 50.0, 58.0, 6.0)
    L("CIN29", 33, 30, 0.08, rel=True)

    # ---------------- Children in Care ----------------
    cf1 = [round(v) for v in L("CF1", 660, 612, 0.008, rel=True, phi=0.9)]
    S["CF1"] = cf1
    S["CF2"] = [v / pop(i) * 10000 for i, v in enumerate(cf1)]
    cf3_den = [round(v * (0.93 + g.gauss(0, 0.01))) for v in cf1]
    num_den("CF3", cf3_den, 86.0, 92.5, 1.8)
    L("CF4", 10.4, 9.3, 0.4)
    L("CF5", 72.5, 66.2, 1.0)
    L("CF6", 63.0, 58.9, 1.0)
    L("CF7", 14.5, 13.2, 0.7)
    cf9 = L("CF9", 66.5, 68.4, 0.6)
    S["CF8"] = [round(a * b / 100) for a, b in zip(cf1, cf9, strict=True)]
    L("CF10", 55.0, 52.3, 1.0)
    L("CF11", 16, 12, 0.15, rel=True)
    L("CF12", 11.5, 9.8, 0.5)
    cf13a = L("CF13a", 10.8, 9.9, 0.4)
    S["CF13"] = [round(a * b / 100) for a, b in zip(cf1, cf13a, strict=True)]
    L("CF14", 38, 44, 0.06, rel=True)
    L("CF15", 2.2, 1.0, 0.8, lo=0)
    L("CF16", 64.0, 71.0, 4.0, phi=0.8, hi=100)
    L("CF17", 90.0, 92.4, 1.2, hi=100)
    L("CF18", 72.0, 81.0, 2.0, hi=100)
    L("CF19", 91.0, 96.2, 1.5, hi=100)
    L("CF20", 14.6, 14.3, 0.2)
    L("CF21", 468, 455, 6)
    L("CF22", 142, 118, 5)
    L("CF23", 34, 29, 0.1, rel=True)
    L("CF24", 8, 11, 0.25, rel=True)
    L("CF25", 1280000, 1382400, 0.03, rel=True)
    L("CF26", 5650, 6120, 40, phi=0.8)
    L("CF27", 880000, 930000, 0.03, rel=True)
    L("CF28", 38, 45, 0.15, rel=True)
    L("CF29", 24, 31, 0.05, rel=True, phi=0.8)

    # ---------------- Care Leavers ----------------
    cl1 = [round(v) for v in L("CL1", 270, 282, 0.015, rel=True, phi=0.85)]
    S["CL1"] = cl1
    L("CL2", 93.0, 96.0, 1.2, hi=100)
    L("CL3", 94.0, 91.0, 1.2, hi=100)
    num_den("CL4", cl1, 51.0, 57.6, 1.5, nice_tail=3)
    L("CL5", 86.0, 91.0, 1.5, hi=100)
    L("CL6", 5.1, 6.4, 0.2)
    L("CL7", 92, 118, 0.04, rel=True, phi=0.8)
    L("CL8", 21, 26, 0.08, rel=True)
    L("CL9", 3, 4, 0.7, lo=0)
    L("CL10", 21.5, 24.1, 0.4)
    L("CL11", 88.0, 83.0, 2.0, hi=100)
    L("CL12", 11, 15, 0.15, rel=True)

    # ---------------- Safeguarding and Quality Assurance ----------------
    L("SG1", 190, 160, 0.08, rel=True, season=SCHOOL)
    L("SG2", 210, 265, 0.03, rel=True, phi=0.8)
    L("SG3", 2.4, 1.6, 0.3, lo=0.2)
    S["SG4"] = [
        round(cin11[max(0, i - 1)] * cin12[max(0, i - 1)] / 100 * (1 + g.gauss(0, 0.06))) for i in range(N)
    ]
    L("SG5", 80.0, 88.0, 1.5, phi=0.9, hi=100)
    L("SG6", 82.0, 90.0, 5.0, hi=100)
    L("SG7", 72.0, 68.0, 4.0, hi=100)
    L("SG8", 74.0, 79.0, 4.0, hi=100)
    L("SG9", 80.0, 86.0, 5.0, hi=100)
    L("SG10", 86.0, 89.8, 1.0, phi=0.9, hi=100)
    L("SG11", 6.5, 5.4, 0.5, lo=0)
    L("SG12", 3.2, 1.8, 0.3, lo=0)
    L("SG13", 14.0, 11.8, 1.0)
    L("SG14", 96.0, 94.3, 0.6, phi=0.9, hi=100)
    L("SG15", 14, 16, 0.15, rel=True)
    sg16 = L("SG16", 34.0, 41.0, 2.0, phi=0.8)
    sg17 = L("SG17", 54.0, 50.0, 2.0, phi=0.8)
    S["SG18"] = [100 - round(a, 1) - round(b, 1) for a, b in zip(sg16, sg17, strict=True)]
    L("SG19", 42, 37, 0.12, rel=True)
    L("SG20", 82.0, 94.0, 2.0, hi=100)
    L("SG21", 86.0, 88.0, 2.5, hi=100)
    L("SG22", 44, 52, 0.12, rel=True)
    L("SG23", 40, 22, 0.20, rel=True)

    # ---------------- Workforce ----------------
    L("WF1", 172, 178, 0.005, rel=True, phi=0.9)
    L("WF2", 17.0, 14.8, 0.6)
    L("WF3", 28.0, 23.0, 0.8)
    L("WF4", 17.0, 12.5, 0.8)
    L("WF5", 18.0, 13.4, 0.5, phi=0.8)
    L("WF6", 23.0, 19.2, 1.0)
    L("WF7", 17.4, 18.6, 0.3)
    L("WF8", 31, 27, 2.0)
    L("WF9", 18.8, 20.4, 0.6)
    L("WF10", 17.5, 18.2, 0.4)
    L("WF11", 15.8, 15.2, 0.4)
    L("WF12", 13.5, 14.2, 0.5)
    L("WF13", 10.4, 9.3, 0.15, phi=0.9)
    L("WF14", 84.0, 92.0, 2.0, hi=100)
    L("WF15", 83.0, 88.0, 1.5, hi=100)
    L("WF16", 66.0, 64.0, 1.0)
    L("WF17", 260000, 205000, 0.05, rel=True)

    missing = sorted(ref for ref, spec in specs.items() if ref not in S and "derived" not in spec)
    if missing:
        raise SystemExit(f"no generator for: {', '.join(missing)}")
    return S, ND


# ---------------------------------------------------------------------------
# SPC stories.
#
# The scorecard reads each monthly series as an XmR chart (NHS England's
# "Making Data Count", nhse rules: limits from 13 points, shift and trend of
# 6). Drifting noise alone already shows most of what a chart can say; this
# step shapes two indicators so the October 2026 scorecard tells the rest.
# It runs after every random draw, so every other indicator keeps exactly
# the values it would have without it. tests/cli/test_example.py pins each
# story's row of the summary CSV.
#
# Told by the generated data as it stands (no shaping needed):
#   CL10 personal adviser caseload: a point beyond the process limits in
#        October 2026 (24.1, above the upper limit), missing its target.
#   WF2  social worker vacancy rate: red this month (14.8%, target 12% or
#        less) but improving, 2 of the last 3 months near the lower limit.
#   WF12 ASYE caseload: common cause, and even the upper process limit
#        (14.6) is below the target of 16: reliably meeting it.
#   FD9  time to screening decision: Good this month (2.4 days) but the
#        process reliably reaches only Requires improvement.
#   CF19 personal education plans: Outstanding this month (96.2%) but the
#        process reliably reaches only Good.

SERVICE_CHANGE = (2025, 6)  # CIN3's rebase in rebases.yaml


def noise(series, start, end):
    """A monthly series' generated noise: the series less the straight drift
    from ``start`` (first month written) to ``end`` (October 2026) that
    ``Gen.level`` gave it."""
    return [
        v - (start + (end - start) * min(1.0, max(0.0, (i - OUT0) / (N - 1 - OUT0))))
        for i, v in enumerate(series)
    ]


def spc_stories(S):
    """Shape the series of the story indicators, in place."""
    change = MONTHS.index(SERVICE_CHANGE)

    # CIN3 referrals with a decision within 24 hours: a shift after a
    # service change. Until May 2025 the process ran at about 92%, short of
    # the 95% target. From June 2025 a consultant social worker sits on
    # every MASH duty shift, and it runs at about 97%. rebases.yaml starts
    # new limits there (17 months by October 2026), so the new process is
    # judged on its own: common cause, meeting the target this month but
    # not reliably. (Its generated drift, 96% to 93.6%, is replaced by these
    # two levels; its month-to-month noise is kept.)
    S["CIN3"] = [(92.0 if i < change else 97.0) + e for i, e in enumerate(noise(S["CIN3"], 96.0, 93.6))]

    # CL2 care leavers with an up-to-date pathway plan: a process that has
    # run steadily at about 96.5%, above its 95% target (generated drift 93%
    # to 96% replaced by that level), then, after a dip in April 2026, six
    # months falling from May to October as personal adviser caseloads
    # (CL10) climb. October is still green, but the trend is special cause:
    # concern, "6 months falling", before the target is missed. (April is
    # below May, so the run is exactly six.)
    S["CL2"] = [96.5 + e for e in noise(S["CL2"], 93.0, 96.0)]
    S["CL2"][-7:] = [95.9, 97.6, 97.1, 96.5, 96.0, 95.6, 95.2]


# ---------------------------------------------------------------------------
# Gaps, notes and spreadsheet habits, as they turn up in a real extract.

# (ref, period) -> text written instead of the value
MISSING = {
    # audit data is moderated after month end
    ("SG15", "2026-10"): "Not Yet Available",
    ("SG16", "2026-10"): "Not Yet Available",
    ("SG17", "2026-10"): "Not Yet Available",
    ("SG18", "2026-10"): "Not Yet Available",
    # the dental check return comes from the health provider a month after the month ends, and has not
    # come since July: August was due by September and September by October, so the figure is stale
    ("CF18", "2026-08"): "Not Yet Available",
    ("CF18", "2026-09"): "Not Yet Available",
    ("CF18", "2026-10"): "Not Yet Available",
    # older gaps
    ("CF16", "2025-02"): "NYA",
    ("CIN28", "2025-06"): "-",
    ("FD10", "2025-08"): "",
    ("CL9", "2024-11"): "N/A",
    ("WF8", "2025-01"): "n/a",
    ("EH10", "2024-12"): "–",
    ("SG9", "2025-04"): "",
}

NOTES = {
    ("FD10", "2025-08"): "Police notification feed unavailable during system upgrade",
    ("CF16", "2025-02"): "Awaiting health provider return",
    ("CF18", "2026-08"): "Awaiting health provider return",
    ("CIN1", "2024-09"): "Includes contacts re-recorded after MASH restructure",
    ("CF25", "2025-03"): "Includes backdated invoices from 2024/25",
    ("WF13", "2025-04"): "Rolling figure recalculated on new HR system",
    ("CIN7", "2026-08"): "Value calculated from numerator and denominator",
}

# thousands separators, as typed into a spreadsheet
COMMA_ROWS = {
    ("FD1", "2024-10"),
    ("FD1", "2024-11"),
    ("FD1", "2025-03"),
    ("FD1", "2025-10"),
    ("CIN13", "2025-01"),
    ("CIN13", "2025-02"),
}
# a "%" left on the value
PERCENT_SIGN_ROWS = {
    ("CL3", "2024-09"),
    ("CL3", "2024-10"),
    ("CL3", "2024-11"),
    ("CL3", "2024-12"),
    ("SG9", "2025-06"),
}
# value left empty: only numerator and denominator given
VALUE_EMPTY = {(ref, label(ym)) for ref in ("CIN7", "CL4") for ym in MONTHS[-3:]}


def fmt_number(v, unit, decimals):
    """Write a number as the data would be: counts and money as whole
    numbers, percentages and rates to 1 decimal place."""
    if unit in ("count", "currency"):
        return str(round(v))
    places = 1 if unit in ("percent", "rate") else max(decimals, 0)
    if unit in ("days", "average") and decimals >= 1:
        places = 1
    s = f"{v:.{places}f}"
    if places and s.endswith(".0") and unit == "percent":
        s = s[:-2]
    return s


DEFAULT_DECIMALS = {"percent": 0, "count": 0, "rate": 1, "days": 1, "average": 1, "currency": 0}


def rows_for(specs, S, ND):
    rows = []
    for ref, spec in specs.items():
        if "derived" in spec:
            continue  # computed by the tool from the counts: never in the data
        unit = spec["unit"]
        dec = spec.get("decimals", DEFAULT_DECIMALS[unit])
        freq = spec.get("frequency", "monthly")
        series = S[ref]
        for i in range(OUT0, N):
            ym = MONTHS[i]
            if not emitted(freq, ym):
                continue
            per = label(ym)
            key = (ref, per)
            num = den = ""
            if key in MISSING:
                value = MISSING[key]
            else:
                v = series[i]
                if unit == "percent":
                    v = min(100.0, max(0.0, v))
                value = fmt_number(v, unit, dec)
                if key in COMMA_ROWS:
                    value = f"{int(value):,}"
                if key in PERCENT_SIGN_ROWS:
                    value += "%"
                if ref in ND:
                    nums, dens, _ = ND[ref]
                    num, den = str(nums[i]), str(dens[i])
                if key in VALUE_EMPTY:
                    value = ""
            rows.append([ref, per, value, num, den, NOTES.get(key, "")])
    return rows


def write_csv(rows):
    with CSV_OUT.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["ref", "period", "value", "numerator", "denominator", "note"])
        w.writerows(rows)


def to_cell(value, num, den, spec):
    """The wide-form cell for one long-form row."""
    unit = spec["unit"]
    if value == "":
        if num and den:
            exact = int(num) / int(den)
            if unit != "percent":
                exact *= spec.get("multiplier", 100)
            return exact
        return None
    text = value.replace(",", "").rstrip("%")
    try:
        x = float(text)
    except ValueError:
        return value  # a missing marker, kept as the same text
    if unit == "percent":
        return round(x / 100, 6)
    if unit in ("count", "currency"):
        return int(x)
    return x


def number_format(spec):
    unit = spec["unit"]
    dec = spec.get("decimals", DEFAULT_DECIMALS[unit])
    if unit == "percent":
        return "0%" if dec == 0 else "0." + "0" * dec + "%"
    if unit == "count":
        return "#,##0"
    if unit == "currency":
        return '"£"#,##0'
    return "0" if dec == 0 else "0." + "0" * dec


def write_xlsx(rows, specs):
    wb = Workbook()
    ws = wb.active
    ws.title = "Values"
    periods = [label(ym) for ym in OUT_MONTHS]
    col = {p: j + 2 for j, p in enumerate(periods)}
    ws.cell(row=1, column=1, value="ref").font = Font(bold=True)
    for ym, p in zip(OUT_MONTHS, periods, strict=True):
        c = ws.cell(row=1, column=col[p], value=dt.datetime(ym[0], ym[1], 1))
        c.number_format = "mmm-yy"
        c.font = Font(bold=True)
    by_ref = {}
    for ref, per, value, num, den, _note in rows:
        by_ref.setdefault(ref, {})[per] = (value, num, den)
    for r, ref in enumerate(specs, start=2):
        spec = specs[ref]
        ws.cell(row=r, column=1, value=ref)
        fmt = number_format(spec)
        for per, (value, num, den) in by_ref.get(ref, {}).items():
            v = to_cell(value, num, den, spec)
            if v is None:
                continue
            c = ws.cell(row=r, column=col[per], value=v)
            if not isinstance(v, str):
                c.number_format = fmt
    ws.freeze_panes = "B2"
    ws.column_dimensions["A"].width = 9

    wb.properties.creator = "Performance and Intelligence Team"
    wb.properties.title = "Wessex Vale children's services scorecard values"
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    wb.properties.lastModifiedBy = "Performance and Intelligence Team"

    # openpyxl's save() stamps "modified" with the current time and the
    # zip entries with the current time; write through ExcelWriter and then
    # re-stamp every zip entry so the file is byte-identical on every run.
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()
    raw.seek(0)
    stamp = FIXED_TIME.timetuple()[:6]
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(XLSX_OUT, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            dst.writestr(fixed, src.read(info.filename))


def main():
    catalogue = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))
    specs = {}
    for section in catalogue["sections"]:
        for ind in section["indicators"]:
            specs[ind["ref"]] = ind
    S, ND = build(specs)
    spc_stories(S)
    rows = rows_for(specs, S, ND)
    write_csv(rows)
    write_xlsx(rows, specs)
    print(
        f"wrote {len(rows)} rows for {len(specs)} indicators, "
        f"{label(OUT_MONTHS[0])} to {label(OUT_MONTHS[-1])}"
    )


if __name__ == "__main__":
    main()
