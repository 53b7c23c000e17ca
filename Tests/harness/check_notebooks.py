"""Runs notebooks the way the client tests' nbclient step does, without pytest: for a quick look
while writing the FlowQL notebooks.

    Scripts/check-notebooks                                   # every Notebooks/*.ipynb
    Scripts/check-notebooks Notebooks/01-tour.ipynb --twice

Installs the flowql (and python3) kernelspecs into a temp prefix, executes each notebook with the
kernel its metadata names, applies the default checks plus those of harness/expectations.py,
and writes the executed copies to build/executed/. Exit status 1 if any check failed.
"""
import argparse
import pathlib
import sys
import tempfile

from . import checks, env, execute, expectations


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="*", type=pathlib.Path)
    parser.add_argument("--twice", action="store_true", help="also run each notebook again and compare outputs")
    args = parser.parse_args()
    paths = args.notebooks or sorted(env.NOTEBOOKS.glob("*.ipynb"))
    if not paths:
        print(f"no notebooks in {env.NOTEBOOKS}")
        return 0
    with tempfile.TemporaryDirectory(prefix="check-notebooks-") as tmp:
        return check(paths, pathlib.Path(tmp), args.twice)


def check(paths, base: pathlib.Path, twice: bool) -> int:
    env.isolate(base)
    env.install_python3_kernelspec(base)
    env.install_flowql_kernelspec(base)
    failed = 0
    for path in paths:
        expect = expectations.for_notebook(path.stem)
        try:
            nb = execute.execute(path, timeout=expect.timeout)
            execute.save(nb, env.ROOT / "build" / "executed" / path.name)
            checks.assert_checks(nb, (*checks.DEFAULT_CHECKS, *expect.checks), path.name)
            if twice:
                execute.assert_reproducible(nb, execute.execute(path, timeout=expect.timeout), path.name)
            print(f"ok      {path}")
        except AssertionError as e:
            failed += 1
            print(f"FAILED  {e}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
