"""Start Kundenportfolio from a source checkout: `python main.py`."""

import sys

from kundenportfolio.cli import main

if __name__ == "__main__":
    sys.exit(main())
