"""Timing helpers: percentiles, a stopwatch, memory."""
import os
import time

SERVICE_QUERY_FIELDS = ("text", "near", "radius_km", "themes", "access", "open_now")


def percentile(samples, fraction):
    """Nearest-rank percentile of a list of numbers (None for none)."""
    if not samples:
        return None
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, int(round(fraction * len(ordered) + 0.5)) - 1))]


def timed_ms(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, (time.perf_counter() - start) * 1000


def cpu_timed_ms(function, *args, **kwargs):
    """(result, wall ms, CPU ms of this process): on a shared machine the CPU time is the steadier figure."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = function(*args, **kwargs)
    return result, (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def rss_mb(pid="self"):
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def folder_mb(path):
    total = sum(os.path.getsize(os.path.join(root, name)) for root, _dirs, names in os.walk(path) for name in names)
    return round(total / 1e6, 1)


def summary(samples):
    return {"p50": round(percentile(samples, 0.5), 1), "p95": round(percentile(samples, 0.95), 1),
            "p99": round(percentile(samples, 0.99), 1)} if samples else {"p50": None, "p95": None, "p99": None}
