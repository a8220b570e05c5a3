"""Run every benchmark in this folder (`make bench`); each prints its figures and their ratios
to a baseline measured in the same run. `make bench ARGS=deck_load` runs the ones matching."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(HERE))
    status = 0
    for path in sorted(HERE.glob("bench_*.py")):
        if argv and not any(word in path.stem for word in argv):
            continue
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[path.stem] = module  # dataclasses look their module up while the class is built
        spec.loader.exec_module(module)
        print(f"== {path.stem}", flush=True)
        status |= module.main() or 0
        print()
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
