"""The notebooks run top to bottom against a dataset built from raw/, and are stored without outputs."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import nbformat
import pytest
from ipykernel.kernelspec import install
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient

from .conftest import REPO, Sample

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
# Appended to each executed copy: the figures the notebook drew (Agg keeps them open) and the backend.
PROBE = "import matplotlib, matplotlib.pyplot as plt; print(matplotlib.get_backend().lower(), len(plt.get_fignums()))"


@pytest.fixture(scope="module")
def dataset(sample: Sample) -> Path:
    out = sample.out
    assert all((out / table / "part-0.parquet").exists() for table in ("releases", "countries", "spokespeople"))
    return out


@pytest.fixture(scope="module")
def kernels(tmp_path_factory: pytest.TempPathFactory) -> KernelSpecManager:
    # A kernelspec for this very interpreter, so the notebooks run in the test's venv whatever
    # "python3" kernels the machine or the user has installed elsewhere.
    prefix = tmp_path_factory.mktemp("jupyter")
    install(prefix=str(prefix), kernel_name="python3")
    manager = KernelSpecManager(kernel_dirs=[str(prefix / "share" / "jupyter" / "kernels")])
    assert manager.get_kernel_spec("python3").argv[0] == sys.executable
    return manager


def test_there_are_notebooks():
    assert [p.name for p in NOTEBOOKS] == ["01_corpus_tour.ipynb", "02_countries_by_spokesperson.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stored_without_outputs(path: Path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name}: strip outputs before committing"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_top_to_bottom(path: Path, dataset: Path, kernels: KernelSpecManager,
                                     monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PIPELINE_OUT", str(dataset))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])]))
    notebook = nbformat.read(path, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell(PROBE))
    manager = AsyncKernelManager(kernel_name="python3", kernel_spec_manager=kernels)
    client = NotebookClient(notebook, km=manager, timeout=120, resources={"metadata": {"path": str(path.parent)}})
    client.execute()  # raises CellExecutionError, with the cell and its traceback, on any error

    stderr = [o["text"] for cell in notebook.cells for o in cell.get("outputs", []) if o.get("name") == "stderr"]
    assert not stderr, f"{path.name} wrote warnings: {stderr}"
    backend, figures = notebook.cells[-1].outputs[0]["text"].split()
    assert backend == "agg" and int(figures) >= 1, "the plots were not drawn"
