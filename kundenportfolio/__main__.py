"""`python -m kundenportfolio` starts the same program as the console script."""

from __future__ import annotations

import sys

from kundenportfolio.cli import main

sys.exit(main())
