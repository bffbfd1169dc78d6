"""Inference from Python (issue 22): copnet.test and copnet.regress give what the CLI prints
(one description), sna's values (tests/data/inference/sna-reference.json, made by
make_reference.R), and a summary() laid out as R's summary(netlm(...))."""
from __future__ import annotations

import json
import math
import subprocess

import pytest

import copnet
from conftest import ROOT

DATA = ROOT / "tests" / "data"
SNA = json.loads((DATA / "inference" / "sna-reference.json").read_text())
TERMS = ["friendship", "authority", "same:department", "diff:age"]


def krackhardt() -> copnet.Network:
    return copnet.read_csv(str(DATA / "krackhardt-hightech.nodes.csv"),
                           str(DATA / "krackhardt-hightech.ties.csv"),
                           relations=str(DATA / "krackhardt-hightech.relations.csv"))


def files() -> list:
    return ["--nodes", str(DATA / "krackhardt-hightech.nodes.csv"),
            "--ties", str(DATA / "krackhardt-hightech.ties.csv"),
            "--relations-file", str(DATA / "krackhardt-hightech.relations.csv")]


def cli(*args: str) -> dict:
    import os
    out = subprocess.run([os.environ["COPNET_CLI"], *args, *files(), "--format", "json"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def test_regress_matches_sna_classical_and_the_cli() -> None:
    r = copnet.regress(krackhardt(), "influence", TERMS, null="classical")
    ref = SNA["krackhardt.netlm.classical"]
    assert isinstance(r, copnet.RegressionResult)
    assert [c.term for c in r.coefficients] == ref["terms"]
    for c, b, t, p in zip(r.coefficients, ref["estimate"], ref["t"], ref["p_two_sided"]):
        assert c.estimate == pytest.approx(b, rel=1e-9)
        assert c.t == pytest.approx(t, rel=1e-9)
        assert c.p_two_sided == pytest.approx(p, rel=1e-9, abs=1e-15)
    assert r.r_squared == pytest.approx(ref["r_squared"], rel=1e-9)
    assert r.to_dict() == cli("regress", "--y", "influence", "--x", ",".join(TERMS),
                              "--null", "classical")


def test_regress_logit_qap_p_values_are_within_monte_carlo_error_of_sna() -> None:
    ref = SNA["krackhardt.netlogit.qapspp"]
    r = copnet.regress(krackhardt(), "influence", ",".join(TERMS), model="logit", reps=1000,
                       seed=12)
    assert r.deviance == pytest.approx(ref["deviance"], rel=1e-9)
    for c, t, p in zip(r.coefficients, ref["t"], ref["p_greater"]):
        assert c.t == pytest.approx(t, rel=1e-9)
        tol = 3 * math.sqrt(2 * max(p * (1 - p), 1e-3) / 1000)
        assert abs(c.p_greater - p) <= tol


def test_summary_reads_like_r() -> None:
    r = copnet.regress(krackhardt(), "influence", TERMS, reps=200)
    text = r.summary()
    assert text.startswith("\nOLS Network Model\n\nResiduals:\n")
    assert "Coefficients:" in text and "Pr(>=|b|)" in text
    assert "Residual standard error: 0.4816 on 415 degrees of freedom" in text
    assert "\tNull Hypothesis: qapspp \n\tReplications: 200 \n" in text
    assert "intercept " in text and "diff:age " in text
    logit = copnet.regress(krackhardt(), "influence", TERMS, model="logit", null="classical")
    assert "Network Logit Model" in logit.summary() and "Exp(b)" in logit.summary()


def test_test_by_name_equals_the_cli_and_the_ei_test() -> None:
    net = krackhardt()
    r = copnet.test(net, "ei", facet="department", reps=300, seed=5)
    assert isinstance(r, copnet.TestResult)
    assert r.to_dict() == cli("test", "--statistic", "ei", "--facet", "department",
                              "--reps", "300", "--seed", "5")
    ei = copnet.ei_index(net, "department", permutations=300, seed=5)
    assert r.p_greater == ei.ei_p_greater and r.p_less == ei.ei_p_less


def test_a_python_callable_is_a_statistic() -> None:
    net = krackhardt()

    def reports_to_department_share(g: copnet.Network) -> float:
        ties = [t for t in g.ties() if t.kind == "authority"]
        same = sum(g.stakeholder(t.source).attributes["department"]
                   == g.stakeholder(t.target).attributes["department"] for t in ties)
        return same / len(ties)

    r = copnet.test(net, reports_to_department_share, null="qap", redraw="authority", reps=100,
                    seed=1, threads=2, sample=True)
    assert r.statistic == "reports_to_department_share"
    assert len(r.sample) == 100 and r.defined == 100
    again = copnet.test(net, reports_to_department_share, null="qap", redraw="authority",
                        reps=100, seed=1, threads=1, sample=True)
    assert again.sample == r.sample
    assert 0 <= r.p_greater <= 1 and r.observed > r.null_mean


def test_bad_input_raises_invalid_value() -> None:
    net = krackhardt()
    with pytest.raises(copnet.InvalidValue, match="unknown statistic"):
        copnet.test(net, "nope")
    with pytest.raises(copnet.InvalidValue, match="null"):
        copnet.test(net, "density", null="nope")
    with pytest.raises(copnet.InvalidValue, match="no relation"):
        copnet.regress(net, "nope", ["friendship"])
    with pytest.raises(copnet.InvalidValue, match="not a number"):
        copnet.regress(net, "influence", ["diff:rank"])


def test_resampling_error_matches_networkx_jackknife() -> None:
    ref = json.loads((DATA / "inference" / "jackknife-reference.json").read_text())
    net = krackhardt()
    r = copnet.resampling_error(net, "transitivity", kinds="influence", bootstrap=50)
    assert r.jackknife_se == pytest.approx(ref["transitivity"]["jackknife_se"], rel=1e-9)
    assert r.bootstrap_reps == 50 and r.bootstrap_se > 0
    e = copnet.resampling_error(net, "ei", kinds="influence", facet="department")
    assert e.jackknife_se == pytest.approx(ref["ei"]["jackknife_se"], rel=1e-9)
