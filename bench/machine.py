"""The machine a benchmark ran on, named in its output: figures mean nothing without it."""

from __future__ import annotations

import os
import platform


def describe() -> str:
    """Host, CPU model (from /proc/cpuinfo where there is one), cores and Python version."""
    cpu = platform.processor() or platform.machine()
    if os.path.exists("/proc/cpuinfo"):
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next((line.split(":", 1)[1].strip() for line in info if line.startswith("model name")), cpu)
    return f"{platform.node()}: {cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"
