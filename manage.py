#!/usr/bin/env python
"""Django's command-line utility; `haven` (haven/cli.py) is the friendlier front door."""

import sys

from haven.cli import main

if __name__ == "__main__":
    main(sys.argv[1:])
