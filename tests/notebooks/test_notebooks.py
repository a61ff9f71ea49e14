"""The notebooks run top to bottom (nbclient, kernel python3), in a temp working directory."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOKS = sorted((Path(__file__).resolve().parents[2] / "notebooks").glob("*.ipynb"))


@pytest.fixture(scope="session")
def kernel_name() -> str:
    """The ``python3`` kernel, checked to be this interpreter's (the project's venv)."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        spec = KernelSpecManager().get_kernel_spec("python3")
    except NoSuchKernel:
        pytest.skip("no python3 Jupyter kernel (pip install ipykernel)")
    # jupyter_client runs a bare "python" as sys.executable; an absolute path must be ours
    if Path(spec.argv[0]).is_absolute() and Path(spec.argv[0]).resolve() != Path(sys.executable).resolve():
        pytest.skip(f"the python3 kernel runs {spec.argv[0]}, not {sys.executable}")
    return "python3"


def test_notebooks_found():
    assert [p.name for p in NOTEBOOKS] == ["01_explore.ipynb", "02_sparql.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name}: clear the outputs"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs(path, tmp_path, kernel_name):
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(nb, kernel_name=kernel_name, timeout=300,
                                     resources={"metadata": {"path": str(tmp_path)}})
    client.execute(cwd=str(tmp_path))
    assert list(tmp_path.iterdir()) == []  # nothing written in the working directory
    html = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
            if o.get("output_type") in ("execute_result", "display_data") and "text/html" in o.get("data", {})]
    assert html, "expected rich outputs (DataFrames, the inline graph)"
    if path.name == "01_explore.ipynb":
        assert any(o["data"]["text/html"].startswith("<iframe srcdoc=") for o in html)
