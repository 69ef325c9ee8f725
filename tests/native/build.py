"""Builds tests/native/datastack_cache.c into an extension module beside it, for the test
processes (``make venv`` runs this). Without a C compiler the suite runs as it is, only slower
on Python 3.11 and 3.12; this says so and succeeds."""

import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "datastack_cache.c"
TARGET = HERE / f"_datastack_cache{sysconfig.get_config_var('EXT_SUFFIX')}"


def main() -> int:
    TARGET.unlink(missing_ok=True)  # never leave an earlier build to be loaded in its place
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(compiler) is None:
        print(f"tests/native: no C compiler ({compiler}); the tests run without the chunk cache")
        return 0
    command = [
        compiler,
        "-O2",
        "-shared",
        "-fPIC",
        f"-I{sysconfig.get_paths()['include']}",
        str(SOURCE),
        "-o",
        str(TARGET),
        "-lpthread",
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        print(f"tests/native: {SOURCE.name} did not build; the tests run without it")
        print(result.stderr, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
