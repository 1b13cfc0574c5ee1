import os
from types import SimpleNamespace as NS

from mapper.workers import Job, LocalPool

HELD = []


def grow(reports, default_date):
    HELD.append(b"x" * (32 * 2**20))  # a cache that only grows (pages written, so resident)
    for r in reports:
        yield (r.id, os.getpid())


def failure(report, message, transient):
    return (report.id, message)


def test_a_worker_whose_memory_grew_is_replaced_and_nothing_is_lost():
    jobs = [Job(str(k), NS(id=f"r{k}")) for k in range(12)]
    batches = [jobs[k : k + 3] for k in range(0, 12, 3)]
    with LocalPool(grow, workers=1, budget=30, failure=failure, recycle=1.01) as pool:
        done = list(pool.run(batches, default_date=None))
    assert sorted(j.key for j, _ in done) == sorted(j.key for j in jobs)
    assert all(out[0] == j.report.id for j, out in done)
    assert len({pid for _, (_, pid) in done}) >= 2  # the grown worker was replaced


def test_without_recycling_one_worker_does_everything():
    jobs = [Job(str(k), NS(id=f"r{k}")) for k in range(6)]
    with LocalPool(grow, workers=1, budget=30, failure=failure, recycle=None) as pool:
        done = list(pool.run([jobs[:3], jobs[3:]], default_date=None))
    assert len({pid for _, (_, pid) in done}) == 1
