# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The modelling layer of the plan package: scipy.sparse matrices into `highspy`.

ADR 0010 records why (linopy's model translation cost more than the solve itself at the
sizes the planners need). This module is deliberately small: one incremental LP that
columns can be added to (for column generation), with its primal and dual solution.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass

import highspy
import numpy as np
from numpy.typing import NDArray
from scipy import sparse

INF = highspy.kHighsInf

FloatArray = NDArray[np.float64]
# After a failed warm start: the same method from scratch, then the interior-point
# method with crossover (slower, but it does not share the simplex's cycling troubles).
RETRIES: tuple[tuple[str, str], ...] = (("", ""), ("solver", "ipm"))


class SolverError(RuntimeError):
    """HiGHS did not reach an optimal solution (message in Dutch for users)."""


@dataclass(frozen=True, slots=True)
class LpSolution:
    col_value: FloatArray
    row_dual: FloatArray
    objective: float


@contextlib.contextmanager
def _no_banner() -> Iterator[None]:
    """HiGHS prints its banner on the C-level stdout when the first instance is made,
    before any option can silence it; that would corrupt JSON or CSV on stdout."""
    sys.stdout.flush()
    try:
        saved = os.dup(1)
    except OSError:  # no real stdout (embedded use): nothing to protect
        yield
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 1)
        yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)
        os.close(devnull)


def new_highs() -> highspy.Highs:
    with _no_banner():
        h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    return h


class IncrementalLp:
    """A maximisation LP kept inside one HiGHS instance, so added columns warm-start.

    Rows are fixed at construction; columns arrive in blocks as a CSC matrix.
    """

    def __init__(
        self, row_lower: FloatArray, row_upper: FloatArray, time_limit: float = 600.0
    ) -> None:
        self._h = new_highs()
        self._h.setOptionValue("time_limit", float(time_limit))
        self._h.changeObjectiveSense(highspy.ObjSense.kMaximize)
        n_rows = len(row_lower)
        self.n_rows = n_rows
        self.n_cols = 0
        empty = np.zeros(0, dtype=np.int32)
        self._h.addRows(
            n_rows,
            np.asarray(row_lower, dtype=np.float64),
            np.asarray(row_upper, dtype=np.float64),
            0,
            empty,
            empty,
            np.zeros(0),
        )

    def add_columns(
        self, cost: FloatArray, upper: FloatArray, matrix: sparse.csc_matrix
    ) -> None:
        """Add columns with bounds [0, upper]; `matrix` has one column per cost."""
        count = len(cost)
        if count == 0:
            return
        m = matrix.tocsc()
        m.sort_indices()
        self._h.addCols(
            count,
            np.asarray(cost, dtype=np.float64),
            np.zeros(count),
            np.asarray(upper, dtype=np.float64),
            int(m.nnz),
            m.indptr[:-1].astype(np.int32),
            m.indices.astype(np.int32),
            m.data.astype(np.float64),
        )
        self.n_cols += count

    def solve_integer(
        self,
        time_limit: float,
        require_optimal: bool = False,
        max_nodes: int | None = None,
    ) -> FloatArray | None:
        """All columns integer; the best solution found within `time_limit`, or None.

        With `require_optimal`, None unless HiGHS proved optimality. `max_nodes` stops
        the branch-and-bound after that many nodes: a limit in work, not seconds, so
        the answer does not depend on machine load (the time limit is then a safety net).
        """
        kinds = np.full(self.n_cols, highspy.HighsVarType.kInteger)
        self._h.changeColsIntegrality(
            self.n_cols, np.arange(self.n_cols, dtype=np.int32), kinds
        )
        self._h.setOptionValue("time_limit", float(time_limit))
        if max_nodes is not None:
            self._h.setOptionValue("mip_max_nodes", int(max_nodes))
        self._h.setOptionValue("mip_rel_gap", 1e-6)
        self._h.run()
        sol = self._h.getSolution()
        optimal = self._h.getModelStatus() == highspy.HighsModelStatus.kOptimal
        if not sol.value_valid or (require_optimal and not optimal):
            return None
        return np.asarray(sol.col_value, dtype=np.float64)

    def solve(self) -> LpSolution:
        """Run from the last basis; on a numerical failure retry cold, then with IPM."""
        if self.n_cols == 0:  # nothing to choose: HiGHS calls an empty model an error
            return LpSolution(np.zeros(0), np.zeros(self.n_rows), 0.0)
        self._h.run()
        status = self._h.getModelStatus()
        for option, value in RETRIES:
            if status == highspy.HighsModelStatus.kOptimal:
                break
            self._h.clearSolver()
            if option:
                self._h.setOptionValue(option, value)
            self._h.run()
            status = self._h.getModelStatus()
        if status != highspy.HighsModelStatus.kOptimal:
            text = self._h.modelStatusToString(status)
            raise SolverError(
                f"De solver (HiGHS) vond geen optimale oplossing: {text}."
            )
        sol = self._h.getSolution()
        info = self._h.getInfo()
        return LpSolution(
            col_value=np.asarray(sol.col_value, dtype=np.float64),
            row_dual=np.asarray(sol.row_dual, dtype=np.float64),
            objective=float(info.objective_function_value),
        )


@dataclass(frozen=True, slots=True)
class MipSolution:
    """Best integer solution HiGHS found, with its proven bound and relative gap."""

    col_value: FloatArray
    objective: float
    bound: float
    gap: float
    optimal: bool
    seconds: float


def _load_model(
    h: highspy.Highs,
    cost: FloatArray,
    lower: FloatArray,
    upper: FloatArray,
    integer: NDArray[np.bool_],
    matrix: sparse.csr_matrix,
    row_lower: FloatArray,
    row_upper: FloatArray,
) -> NDArray[np.int32]:
    """Columns, rows (CSR) and integrality into `h`; the integer columns' indices."""
    n = len(cost)
    empty = np.zeros(0, dtype=np.int32)
    h.addCols(
        n,
        np.asarray(cost, dtype=np.float64),
        np.asarray(lower, dtype=np.float64),
        np.asarray(upper, dtype=np.float64),
        0,
        empty,
        empty,
        np.zeros(0),
    )
    a = matrix.tocsr()
    a.sort_indices()
    h.addRows(
        a.shape[0],
        np.asarray(row_lower, dtype=np.float64),
        np.asarray(row_upper, dtype=np.float64),
        int(a.nnz),
        a.indptr[:-1].astype(np.int32),
        a.indices.astype(np.int32),
        a.data.astype(np.float64),
    )
    idx = np.flatnonzero(integer).astype(np.int32)
    if len(idx):
        kinds = np.full(len(idx), highspy.HighsVarType.kInteger)
        h.changeColsIntegrality(len(idx), idx, kinds)
    return idx


START_COMPLETION_SECONDS = 60.0  # completing a fixed start is an easy problem


def _fix_columns(
    lower: FloatArray, upper: FloatArray, start: tuple[NDArray[np.int32], FloatArray]
) -> tuple[FloatArray, FloatArray]:
    index, value = start
    fixed_lower = np.array(lower, dtype=np.float64)
    fixed_upper = np.array(upper, dtype=np.float64)
    fixed_lower[index] = value
    fixed_upper[index] = value
    return fixed_lower, fixed_upper


def solve_mip(
    cost: FloatArray,
    lower: FloatArray,
    upper: FloatArray,
    integer: NDArray[np.bool_],
    matrix: sparse.csr_matrix,
    row_lower: FloatArray,
    row_upper: FloatArray,
    *,
    time_limit: float = 120.0,
    mip_gap: float = 1e-4,
    threads: int | None = None,
    start: tuple[NDArray[np.int32], FloatArray] | None = None,
    max_nodes: int | None = None,
) -> MipSolution:
    """Minimise cost @ x over rows row_lower <= A x <= row_upper, bounds, integrality.

    `start` (column indices, values) is a partial starting solution: HiGHS completes it
    (fixing its integer columns) and starts from it as the incumbent when feasible.
    Deterministic for the same model (fixed HiGHS random seed) when it stops on the gap,
    not on the time limit. When the time runs out before even the start is completed,
    the completed start is returned (gap infinite, not optimal). Raises SolverError
    when no feasible integer solution was found within `time_limit`.
    """
    import time

    h = new_highs()
    h.setOptionValue("time_limit", float(time_limit))
    h.setOptionValue("mip_rel_gap", float(mip_gap))
    h.setOptionValue("random_seed", 0)
    if threads is not None:
        h.setOptionValue("threads", int(threads))
    if max_nodes is not None:  # a work limit: the same answer on a busy machine
        h.setOptionValue("mip_max_nodes", int(max_nodes))
    idx = _load_model(h, cost, lower, upper, integer, matrix, row_lower, row_upper)
    if start is not None:
        index, value = start
        h.setSolution(len(index), np.asarray(index, dtype=np.int32),
                      np.asarray(value, dtype=np.float64))  # fmt: skip
    began = time.perf_counter()
    h.run()
    seconds = time.perf_counter() - began
    sol = h.getSolution()
    status = h.getModelStatus()
    if not sol.value_valid and start is not None:
        # The time ran out before HiGHS had completed the start: complete it on its
        # own (its columns fixed), which is the incumbent the caller was promised.
        fixed_lower, fixed_upper = _fix_columns(lower, upper, start)
        done = solve_mip(
            cost, fixed_lower, fixed_upper, integer, matrix, row_lower, row_upper,
            time_limit=max(time_limit, START_COMPLETION_SECONDS), mip_gap=mip_gap,
            threads=threads,
        )  # fmt: skip
        return MipSolution(done.col_value, done.objective, -INF, INF, False,
                           time.perf_counter() - began)  # fmt: skip
    if not sol.value_valid:
        text = h.modelStatusToString(status)
        raise SolverError(f"De solver (HiGHS) vond geen toegelaten oplossing: {text}.")
    info = h.getInfo()
    objective = float(info.objective_function_value)
    bound = float(info.mip_dual_bound) if len(idx) else objective
    gap = float(info.mip_gap) if len(idx) else 0.0
    return MipSolution(
        np.asarray(sol.col_value, dtype=np.float64),
        objective,
        bound,
        gap,
        status == highspy.HighsModelStatus.kOptimal,
        seconds,
    )
