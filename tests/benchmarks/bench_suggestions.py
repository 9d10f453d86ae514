"""Benchmark: suggestions, review questions and campaign helpers on the 100,000-customer demo.

Run: `python tests/benchmarks/bench_suggestions.py [customers] [db path]`. Prints figures,
asserts nothing (the machine is shared with other engineers, so timings are noisy). With a
db path the database is built once and reused on the next run.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from a checkout

from kundenportfolio.core.campaigns import propose_participants  # noqa: E402
from kundenportfolio.core.models import Campaign, Group  # noqa: E402
from kundenportfolio.core.periods import Period  # noqa: E402
from kundenportfolio.core.review import review, review_by_group  # noqa: E402
from kundenportfolio.core.suggestions import build_suggestions  # noqa: E402
from kundenportfolio.data.campaign_data import load_contactability, window_values  # noqa: E402
from kundenportfolio.data.database import open_database  # noqa: E402
from kundenportfolio.data.demo import create_demo_database  # noqa: E402
from kundenportfolio.data.engagement import load_engagement  # noqa: E402
from kundenportfolio.data.portfolio_store import PortfolioStore  # noqa: E402
from kundenportfolio.data.repository import Repository  # noqa: E402

AS_OF = dt.date(2026, 11, 27)


def timed(label: str, func: Callable[[], Any]) -> Any:
    started = time.perf_counter()
    value = func()
    print(f"{label:<44} {time.perf_counter() - started:7.2f} s")
    return value


def run(path: Path, customers: int) -> None:
    if not path.exists():
        timed(f"build demo ({customers:,} customers)",
              lambda: create_demo_database(path, customers=customers, seed=1, as_of=AS_OF))
    db = open_database(path)
    repo = Repository(db)
    settings = repo.all_settings()
    contacts = db.execute("SELECT count(*) FROM contacts").fetchone()[0]
    print(f"database: {repo.count_customers():,} customers, {contacts:,} contacts")
    table = timed("portfolio result (12 months, for reference)",
                  lambda: PortfolioStore(repo).result(Period.last_12_months(AS_OF)).table)
    engagement = timed("load_engagement (SQL aggregation)", lambda: load_engagement(repo, AS_OF))
    instruments = repo.list_instruments()
    result = timed("build_suggestions (all customers)",
                   lambda: build_suggestions(table, engagement, instruments, settings, AS_OF))
    print(f"  -> {len(result):,} suggestions; by reason: "
          f"{result['reason'].value_counts().to_dict()}")
    answers = timed("review (per customer)", lambda: review(table, engagement, settings))
    timed("review_by_group", lambda: review_by_group(answers, settings))
    one = int(table.index[0])
    timed("build_suggestions (one customer, panel)",
          lambda: build_suggestions(table, engagement, instruments, settings, AS_OF,
                                    customer_ids=[one]))
    contactable = timed("load_contactability", lambda: load_contactability(repo))
    campaign = Campaign(name="b", instrument_id=None, start_date=AS_OF, end_date=AS_OF,
                        target_groups=[Group.STAR, Group.ERTRAG])
    ids = timed("propose_participants (Star+Ertrag)",
                lambda: propose_participants(table, contactable, campaign, None))
    print(f"  -> {len(ids):,} participants")
    timed("window_values (90 days, for the evaluation)",
          lambda: window_values(repo, AS_OF - dt.timedelta(days=89), AS_OF))
    db.close()


def main() -> None:
    customers = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    if len(sys.argv) > 2:
        run(Path(sys.argv[2]), customers)
        return
    with tempfile.TemporaryDirectory() as tmp:
        run(Path(tmp) / "demo.sqlite3", customers)


if __name__ == "__main__":
    main()
