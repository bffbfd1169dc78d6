// MRQAP regression: sna's netlm (OLS) and netlogit (logistic) with the QAP nulls
// (copnet/analysis/inference.hpp).
#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>
#include <vector>

#include <boost/math/distributions/students_t.hpp>

#include "copnet/analysis/inference.hpp"
#include "copnet/error.hpp"
#include "detail/network_state.hpp"
#include "detail/parallel.hpp"
#include "detail/random.hpp"

namespace copnet {
namespace {

__extension__ using Wide = unsigned __int128;  // for Lemire's bounded draw

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// An n × n matrix of one variable over the stakeholders (compact order), row-major.
using Matrix = std::vector<double>;

struct Design {
    std::uint32_t n = 0;         // stakeholders
    bool mutual = false;         // unordered dyads
    std::vector<std::uint32_t> from, to;  // the dyads
    Matrix y;
    std::vector<Matrix> x;       // one per column (the intercept first, when asked)
    std::vector<std::string> names;
    std::vector<bool> constant;  // a column that no permutation changes
};

// A column's values over the dyads under the permutation `perm` (empty: the identity).
void gather(const Design& d, const Matrix& m, const std::vector<std::uint32_t>& perm,
            std::vector<double>& out) {
    out.resize(d.from.size());
    const std::size_t n = d.n;
    if (perm.empty()) {
        for (std::size_t k = 0; k < out.size(); ++k) out[k] = m[d.from[k] * n + d.to[k]];
    } else {
        for (std::size_t k = 0; k < out.size(); ++k)
            out[k] = m[std::size_t{perm[d.from[k]]} * n + perm[d.to[k]]];
    }
}

void random_permutation(std::vector<std::uint32_t>& perm, std::uint32_t n, detail::Rng& rng) {
    perm.resize(n);
    std::iota(perm.begin(), perm.end(), 0U);
    for (std::uint32_t i = n; i > 1; --i) {
        const auto j = static_cast<std::uint32_t>(
            (static_cast<Wide>(rng()) * i) >> 64U);
        std::swap(perm[i - 1], perm[j]);
    }
}

// Cholesky solve of the symmetric positive definite p × p system; also the inverse's diagonal.
// Returns false when singular.
template <class Real>
bool solve_spd(std::vector<Real> g, std::size_t p, std::vector<Real>& rhs,
               std::vector<Real>* inverse_diag) {
    for (std::size_t j = 0; j < p; ++j) {
        Real s = g[j * p + j];
        for (std::size_t k = 0; k < j; ++k) s -= g[j * p + k] * g[j * p + k];
        if (!(s > Real(1e-12) * std::max<Real>(Real(1), std::abs(g[j * p + j])))) return false;
        g[j * p + j] = std::sqrt(s);
        for (std::size_t i = j + 1; i < p; ++i) {
            Real t = g[i * p + j];
            for (std::size_t k = 0; k < j; ++k) t -= g[i * p + k] * g[j * p + k];
            g[i * p + j] = t / g[j * p + j];
        }
    }
    const auto forward_back = [&](std::vector<Real>& b) {
        for (std::size_t i = 0; i < p; ++i) {
            Real t = b[i];
            for (std::size_t k = 0; k < i; ++k) t -= g[i * p + k] * b[k];
            b[i] = t / g[i * p + i];
        }
        for (std::size_t i = p; i-- > 0;) {
            Real t = b[i];
            for (std::size_t k = i + 1; k < p; ++k) t -= g[k * p + i] * b[k];
            b[i] = t / g[i * p + i];
        }
    };
    forward_back(rhs);
    if (inverse_diag) {
        inverse_diag->assign(p, Real(0));
        std::vector<Real> e(p);
        for (std::size_t j = 0; j < p; ++j) {
            std::fill(e.begin(), e.end(), Real(0));
            e[j] = Real(1);
            forward_back(e);
            (*inverse_diag)[j] = e[j];
        }
    }
    return true;
}

// Ordinary least squares of y on the columns `cols` (each over the dyads); t values (and, when
// asked, coefficients, residuals). Real = long double for the reported fit.
template <class Real>
struct Ols {
    std::vector<Real> beta, t;
    Real rss = 0;
    bool ok = false;
};

template <class Real>
Ols<Real> ols(const std::vector<const std::vector<double>*>& cols, const std::vector<double>& y,
              const std::vector<double>* weights = nullptr) {
    const std::size_t p = cols.size(), n = y.size();
    std::vector<Real> g(p * p, Real(0)), b(p, Real(0));
    for (std::size_t a = 0; a < p; ++a) {
        const auto& xa = *cols[a];
        for (std::size_t c = 0; c <= a; ++c) {
            const auto& xc = *cols[c];
            Real s = 0;
            if (weights)
                for (std::size_t k = 0; k < n; ++k) s += Real(xa[k]) * xc[k] * (*weights)[k];
            else
                for (std::size_t k = 0; k < n; ++k) s += Real(xa[k]) * xc[k];
            g[a * p + c] = g[c * p + a] = s;
        }
        Real s = 0;
        if (weights)
            for (std::size_t k = 0; k < n; ++k) s += Real(xa[k]) * y[k] * (*weights)[k];
        else
            for (std::size_t k = 0; k < n; ++k) s += Real(xa[k]) * y[k];
        b[a] = s;
    }
    Ols<Real> out;
    std::vector<Real> diag;
    if (!solve_spd<Real>(g, p, b, &diag)) return out;
    out.beta = b;
    Real rss = 0;
    for (std::size_t k = 0; k < n; ++k) {
        Real fit = 0;
        for (std::size_t a = 0; a < p; ++a) fit += b[a] * (*cols[a])[k];
        const Real r = Real(y[k]) - fit;
        rss += weights ? r * r * (*weights)[k] : r * r;
    }
    out.rss = rss;
    const Real df = Real(n) - Real(p);
    out.t.resize(p);
    for (std::size_t a = 0; a < p; ++a) out.t[a] = b[a] / std::sqrt(diag[a] * rss / df);
    out.ok = true;
    return out;
}

// R's binomial logit link (family.c): clamped inverse and derivative.
constexpr double thresh = 30.0, mthresh = -30.0;
double linkinv(double eta) {
    const double eps = std::numeric_limits<double>::epsilon();
    const double tmp = eta < mthresh ? eps : (eta > thresh ? 1.0 / eps : std::exp(eta));
    return tmp / (1.0 + tmp);
}
double mu_eta(double eta) {
    const double opexp = 1.0 + std::exp(eta);
    return (eta > thresh || eta < mthresh) ? std::numeric_limits<double>::epsilon()
                                           : std::exp(eta) / (opexp * opexp);
}
double y_log_y(double y, double mu) { return y != 0.0 ? y * std::log(y / mu) : 0.0; }
double binomial_deviance(const std::vector<double>& y, const std::vector<double>& mu) {
    double dev = 0.0;
    for (std::size_t k = 0; k < y.size(); ++k)
        dev += 2.0 * (y_log_y(y[k], mu[k]) + y_log_y(1.0 - y[k], 1.0 - mu[k]));
    return dev;
}

template <class Real>
struct Logit {
    std::vector<Real> beta, z;
    double deviance = 0.0;
    std::size_t iterations = 0;
    std::vector<double> mu;
    bool ok = false;
};

// glm.fit(x, y, family = binomial(), intercept = FALSE) as R runs it (no step halving).
template <class Real>
Logit<Real> logit(const std::vector<const std::vector<double>*>& cols, const std::vector<double>& y) {
    const std::size_t n = y.size(), p = cols.size();
    Logit<Real> out;
    std::vector<double> mu(n), eta(n), z(n), w(n);
    for (std::size_t k = 0; k < n; ++k) {
        mu[k] = (y[k] + 0.5) / 2.0;
        eta[k] = std::log(mu[k] / (1.0 - mu[k]));
    }
    double devold = binomial_deviance(y, mu);
    Ols<Real> fit;
    for (std::size_t iter = 1; iter <= 25; ++iter) {
        for (std::size_t k = 0; k < n; ++k) {
            const double me = mu_eta(eta[k]);
            z[k] = eta[k] + (y[k] - mu[k]) / me;
            w[k] = me * me / (mu[k] * (1.0 - mu[k]));  // the squared working weight
        }
        fit = ols<Real>(cols, z, &w);
        if (!fit.ok) return out;
        for (std::size_t k = 0; k < n; ++k) {
            Real e = 0;
            for (std::size_t a = 0; a < p; ++a) e += fit.beta[a] * (*cols[a])[k];
            eta[k] = static_cast<double>(e);
            mu[k] = linkinv(eta[k]);
        }
        const double dev = binomial_deviance(y, mu);
        out.iterations = iter;
        if (std::abs(dev - devold) / (std::abs(dev) + 0.1) < 1e-8) {
            out.deviance = dev;
            break;
        }
        devold = dev;
        out.deviance = dev;
    }
    // se from the last weighted fit: (X'WX)^{-1}, unit dispersion.
    out.beta = fit.beta;
    out.z.resize(p);
    const Real df = Real(n) - Real(p);
    for (std::size_t a = 0; a < p; ++a) {
        // fit.t = b / sqrt(diag · rss/df): undo the residual variance.
        const Real scale = std::sqrt(fit.rss / df);
        out.z[a] = fit.t[a] * scale;
    }
    out.mu = std::move(mu);
    out.ok = true;
    return out;
}

double parse_number_of(const Stakeholder& s, const std::string& attribute) {
    const auto it = s.attributes.find(attribute);
    if (it == s.attributes.end())
        throw invalid_value("regress: stakeholder \"" + s.id + "\" has no value of diff:" +
                            attribute);
    const std::string& text = it->second;
    double v = 0.0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || ptr != text.data() + text.size() || !std::isfinite(v))
        throw invalid_value("regress: stakeholder \"" + s.id + "\" has \"" + text +
                            "\" for diff:" + attribute + ", not a number");
    return v;
}

Design build_design(const Network& net, std::string_view y_name, std::span<const std::string> x,
                    const RegressionOptions& options) {
    const auto& st = net.state();
    Design d;
    std::vector<StakeholderId> slot_of;
    std::vector<std::uint32_t> compact(net.slot_count(), 0);
    for (StakeholderId who : net.stakeholders()) {
        compact[who.index()] = static_cast<std::uint32_t>(slot_of.size());
        slot_of.push_back(who);
    }
    d.n = static_cast<std::uint32_t>(slot_of.size());
    const std::size_t n = d.n;
    const auto find = [&](std::string_view name) {
        const auto kind = net.find_relation(name);
        if (!kind) throw invalid_value("regress: no relation \"" + std::string(name) + "\"");
        return *kind;
    };
    const TieKind yk = find(y_name);
    d.mutual = st.is_mutual(yk);
    const auto relation_matrix = [&](TieKind kind) {
        Matrix m(n * n, 0.0);
        for (std::uint32_t r_id = 0; r_id < st.graph.edge_count(); ++r_id) {
            const TieRecord& r = st.graph.tie(r_id);
            const TieKind r_kind = st.graph.kind(r_id);
            if (r_kind != kind) continue;
            const double v = options.weighted ? r.weight : 1.0;
            const std::size_t a = compact[r.source], b = compact[r.target];
            m[a * n + b] = std::max(m[a * n + b], v);
            if (st.is_mutual(kind) || d.mutual) m[b * n + a] = std::max(m[b * n + a], v);
        }
        return m;
    };
    d.y = relation_matrix(yk);
    if (options.intercept) {
        d.x.emplace_back(n * n, 1.0);
        d.names.emplace_back("intercept");
        d.constant.push_back(true);
    }
    for (const std::string& term : x) {
        if (term.rfind("same:", 0) == 0) {
            const std::string name = term.substr(5);
            const Facet facet(name);
            if (facet.is_attribute() && !net.has_attribute_name(name))
                throw invalid_value("regress: no facet \"" + name + "\" in " + term);
            std::vector<std::string> key(n);
            for (std::size_t i = 0; i < n; ++i) {
                const std::string_view v = facet(net.stakeholder(slot_of[i]));
                key[i] = facet.folds() ? category_key(v) : std::string(v);
            }
            Matrix m(n * n, 0.0);
            for (std::size_t i = 0; i < n; ++i)
                for (std::size_t j = 0; j < n; ++j)
                    m[i * n + j] = (i != j && !key[i].empty() && key[i] == key[j]) ? 1.0 : 0.0;
            d.x.push_back(std::move(m));
        } else if (term.rfind("diff:", 0) == 0) {
            const std::string name = term.substr(5);
            if (!net.has_attribute_name(name))
                throw invalid_value("regress: no attribute \"" + name + "\" in " + term);
            std::vector<double> a(n);
            for (std::size_t i = 0; i < n; ++i) a[i] = parse_number_of(net.stakeholder(slot_of[i]), name);
            Matrix m(n * n, 0.0);
            for (std::size_t i = 0; i < n; ++i)
                for (std::size_t j = 0; j < n; ++j) m[i * n + j] = std::abs(a[i] - a[j]);
            d.x.push_back(std::move(m));
        } else {
            d.x.push_back(relation_matrix(find(term)));
        }
        d.names.push_back(term);
        d.constant.push_back(false);
    }
    if (d.x.empty()) throw invalid_value("regress: no terms");
    // Dyads: ordered pairs i ≠ j, or unordered (i > j, sna's lower triangle).
    for (std::uint32_t j = 0; j < d.n; ++j)
        for (std::uint32_t i = 0; i < d.n; ++i)
            if (d.mutual ? i > j : i != j) {
                d.from.push_back(i);
                d.to.push_back(j);
            }
    if (d.from.size() <= d.x.size())
        throw invalid_value("regress: fewer dyads than terms");
    if (options.model == RegressionModel::logit && options.weighted)
        for (double v : d.y)
            if (v != 0.0 && v != 1.0)
                throw invalid_value("regress: a logit response must be 0 or 1 (drop --weighted)");
    return d;
}

// The t (or z) values of a fit of the dyad vectors, in double (the null replicates).
std::vector<double> tvalues(RegressionModel model, const std::vector<const std::vector<double>*>& cols,
                            const std::vector<double>& y) {
    std::vector<double> out(cols.size(), nan);
    if (model == RegressionModel::lm) {
        const auto f = ols<double>(cols, y);
        if (f.ok) out = f.t;
    } else {
        const auto f = logit<double>(cols, y);
        if (f.ok) out = f.z;
    }
    return out;
}

// The OLS cross products of the observed design, for replicates that change one column (or
// the response) only: t values in O(n p) instead of O(n p²).
struct Gram {
    std::size_t p = 0;
    std::vector<double> g;   // X'X, p × p
    std::vector<double> xy;  // X'y
    double yy = 0.0;         // y'y (a permutation of the dyads keeps it)
    double df = 0.0;
};

double dot(const std::vector<double>& a, const std::vector<double>& b) {
    double s = 0.0;
    for (std::size_t k = 0; k < a.size(); ++k) s += a[k] * b[k];
    return s;
}

Gram gram_of(const std::vector<const std::vector<double>*>& cols, const std::vector<double>& y) {
    Gram out;
    out.p = cols.size();
    out.g.resize(out.p * out.p);
    out.xy.resize(out.p);
    for (std::size_t a = 0; a < out.p; ++a) {
        for (std::size_t c = 0; c <= a; ++c)
            out.g[a * out.p + c] = out.g[c * out.p + a] = dot(*cols[a], *cols[c]);
        out.xy[a] = dot(*cols[a], y);
    }
    out.yy = dot(y, y);
    out.df = static_cast<double>(y.size()) - static_cast<double>(out.p);
    return out;
}

// t values from cross products: b = G⁻¹ X'y, RSS = y'y − b'X'y.
std::vector<double> t_from(const std::vector<double>& g, std::size_t p, std::vector<double> xy,
                           double yy, double df) {
    std::vector<double> diag;
    const std::vector<double> c = xy;
    std::vector<double> out(p, nan);
    if (!solve_spd<double>(g, p, xy, &diag)) return out;
    double fit = 0.0;
    for (std::size_t a = 0; a < p; ++a) fit += xy[a] * c[a];
    const double rss = std::max(0.0, yy - fit);
    for (std::size_t a = 0; a < p; ++a) out[a] = xy[a] / std::sqrt(diag[a] * rss / df);
    return out;
}

// The t value of column a when it is replaced by z (the rest of the design and y as in `base`).
double t_replaced(const Gram& base, std::size_t a, const std::vector<const std::vector<double>*>& cols,
                  const std::vector<double>& z, const std::vector<double>& y) {
    std::vector<double> g = base.g, xy = base.xy;
    const std::size_t p = base.p;
    for (std::size_t c = 0; c < p; ++c) {
        if (c == a) continue;
        g[a * p + c] = g[c * p + a] = dot(z, *cols[c]);
    }
    g[a * p + a] = dot(z, z);
    xy[a] = dot(z, y);
    return t_from(g, p, xy, base.yy, base.df)[a];
}

} // namespace

std::string_view to_string(RegressionModel model) noexcept {
    return model == RegressionModel::lm ? "lm" : "logit";
}

std::string_view to_string(RegressionNull null) noexcept {
    switch (null) {
    case RegressionNull::qapspp: return "qapspp";
    case RegressionNull::qapy: return "qapy";
    case RegressionNull::qapx: return "qapx";
    case RegressionNull::qapallx: return "qapallx";
    case RegressionNull::classical: return "classical";
    }
    return "qapspp";
}

RegressionModel parse_regression_model(std::string_view text) {
    if (text == "lm") return RegressionModel::lm;
    if (text == "logit") return RegressionModel::logit;
    throw invalid_value("unknown model \"" + std::string(text) + "\" (expected lm or logit)");
}

RegressionNull parse_regression_null(std::string_view text) {
    if (text == "qap") return RegressionNull::qapspp;
    for (RegressionNull m : {RegressionNull::qapspp, RegressionNull::qapy, RegressionNull::qapx,
                             RegressionNull::qapallx, RegressionNull::classical})
        if (text == to_string(m)) return m;
    throw invalid_value("unknown null \"" + std::string(text) +
                        "\" (expected qapspp, qap, qapy, qapx, qapallx or classical)");
}

RegressionResult regress(const Network& net, std::string_view y, std::span<const std::string> x,
                         const RegressionOptions& options) {
    const Design d = build_design(net, y, x, options);
    const std::size_t p = d.x.size(), m = d.from.size();
    std::vector<double> yv;
    gather(d, d.y, {}, yv);
    std::vector<std::vector<double>> cols(p);
    std::vector<const std::vector<double>*> ptrs(p);
    for (std::size_t a = 0; a < p; ++a) {
        gather(d, d.x[a], {}, cols[a]);
        ptrs[a] = &cols[a];
    }
    RegressionResult out;
    out.model = options.model;
    out.null = options.null;
    out.reps = options.null == RegressionNull::classical ? 0 : options.reps;
    out.n = m;
    out.mutual = d.mutual;
    out.df_residual = m - p;
    std::vector<double> beta(p), t(p);
    out.r_squared = out.adj_r_squared = out.residual_se = nan;
    out.deviance = out.null_deviance = out.aic = out.bic = nan;
    if (options.model == RegressionModel::lm) {
        const auto f = ols<long double>(ptrs, yv);
        if (!f.ok) throw invalid_value("regress: the design is singular (a term repeats others)");
        out.residuals.resize(m);
        for (std::size_t k = 0; k < m; ++k) {
            long double fit = 0;
            for (std::size_t a = 0; a < p; ++a) fit += f.beta[a] * cols[a][k];
            out.residuals[k] = static_cast<double>(yv[k] - fit);
        }
        const double rss = static_cast<double>(f.rss);
        double mean = 0.0;
        for (double v : yv) mean += v;
        mean /= static_cast<double>(m);
        double tss = 0.0;
        for (double v : yv) tss += options.intercept ? (v - mean) * (v - mean) : v * v;
        out.r_squared = 1.0 - rss / tss;
        const double df_int = options.intercept ? 1.0 : 0.0;
        out.adj_r_squared = 1.0 - (1.0 - out.r_squared) * ((static_cast<double>(m) - df_int) /
                                                           static_cast<double>(out.df_residual));
        out.residual_se = std::sqrt(rss / static_cast<double>(out.df_residual));
        for (std::size_t a = 0; a < p; ++a) {
            beta[a] = static_cast<double>(f.beta[a]);
            t[a] = static_cast<double>(f.t[a]);
        }
    } else {
        for (double v : yv)
            if (v != 0.0 && v != 1.0) throw invalid_value("regress: a logit response must be 0 or 1");
        const auto f = logit<long double>(ptrs, yv);
        if (!f.ok) throw invalid_value("regress: the design is singular (a term repeats others)");
        out.deviance = f.deviance;
        std::vector<double> half(m, 0.5);
        out.null_deviance = binomial_deviance(yv, half);
        out.aic = f.deviance + 2.0 * static_cast<double>(p);
        out.bic = f.deviance + static_cast<double>(p) * std::log(static_cast<double>(m));
        out.iterations = f.iterations;
        out.residuals.resize(m);
        for (std::size_t k = 0; k < m; ++k) out.residuals[k] = yv[k] - f.mu[k];
        for (std::size_t a = 0; a < p; ++a) {
            beta[a] = static_cast<double>(f.beta[a]);
            t[a] = static_cast<double>(f.z[a]);
        }
    }
    out.coefficients.resize(p);
    for (std::size_t a = 0; a < p; ++a)
        out.coefficients[a] = {.term = d.names[a], .estimate = beta[a], .t = t[a],
                               .p_greater = nan, .p_less = nan, .p_two_sided = nan};

    RegressionNull null = options.null;
    if (null == RegressionNull::qapspp && p == 1) null = RegressionNull::qapy;  // as sna
    if (null == RegressionNull::classical) {
        const boost::math::students_t dist(static_cast<double>(out.df_residual));
        for (auto& c : out.coefficients) {
            c.p_less = boost::math::cdf(dist, c.t);
            c.p_greater = boost::math::cdf(boost::math::complement(dist, c.t));
            c.p_two_sided = 2.0 * boost::math::cdf(boost::math::complement(dist, std::abs(c.t)));
        }
        return out;
    }
    if (options.reps == 0) throw invalid_value("regress: reps must be at least 1");
    const std::size_t reps = options.reps;
    // dist[a][r]: the null value of term a's t in replicate r.
    std::vector<std::vector<double>> dist(p, std::vector<double>(reps, nan));
    // qapspp: each column's residual on the others, as an n × n matrix.
    std::vector<Matrix> resid;
    if (null == RegressionNull::qapspp) {
        resid.resize(p);
        for (std::size_t a = 0; a < p; ++a) {
            std::vector<const std::vector<double>*> others;
            for (std::size_t c = 0; c < p; ++c)
                if (c != a) others.push_back(&cols[c]);
            const auto f = ols<long double>(others, cols[a]);
            resid[a].assign(std::size_t{d.n} * d.n, 0.0);
            for (std::size_t k = 0; k < m; ++k) {
                long double fit = 0;
                for (std::size_t c = 0; c < others.size(); ++c) fit += f.beta[c] * (*others[c])[k];
                const double r = static_cast<double>(cols[a][k] - fit);
                resid[a][std::size_t{d.from[k]} * d.n + d.to[k]] = r;
                if (d.mutual) resid[a][std::size_t{d.to[k]} * d.n + d.from[k]] = r;
            }
        }
    }
    // Tasks: (term, replicate) for qapspp and qapx; replicates for qapy and qapallx.
    const bool per_term = null == RegressionNull::qapspp || null == RegressionNull::qapx;
    const bool lm = options.model == RegressionModel::lm;
    const Gram base = lm ? gram_of(ptrs, yv) : Gram{};
    const std::size_t tasks = per_term ? p * reps : reps;
    detail::parallel_chunks(
        tasks, 4, options.threads,
        [&](unsigned, std::size_t first, std::size_t last) {
            std::vector<std::uint32_t> perm;
            std::vector<std::vector<double>> work(p);
            std::vector<const std::vector<double>*> use(p);
            std::vector<double> ywork;
            for (std::size_t task = first; task < last; ++task) {
                detail::Rng rng(options.seed, task);
                if (per_term) {
                    const std::size_t a = task / reps, r = task % reps;
                    if (d.constant[a] && null == RegressionNull::qapx) {
                        dist[a][r] = t[a];  // a permuted constant is the constant
                        continue;
                    }
                    random_permutation(perm, d.n, rng);
                    for (std::size_t c = 0; c < p; ++c) use[c] = &cols[c];
                    gather(d, null == RegressionNull::qapspp ? resid[a] : d.x[a], perm, work[a]);
                    use[a] = &work[a];
                    dist[a][r] = lm ? t_replaced(base, a, ptrs, work[a], yv)
                                    : tvalues(options.model, use, yv)[a];
                } else if (null == RegressionNull::qapy) {
                    random_permutation(perm, d.n, rng);
                    gather(d, d.y, perm, ywork);
                    std::vector<double> xy(p);
                    for (std::size_t c = 0; c < p; ++c) xy[c] = dot(cols[c], ywork);
                    const auto tv = lm ? t_from(base.g, p, xy, base.yy, base.df)
                                       : tvalues(options.model, ptrs, ywork);
                    for (std::size_t a = 0; a < p; ++a) dist[a][task] = tv[a];
                } else {  // qapallx: each predictor by its own permutation
                    for (std::size_t c = 0; c < p; ++c) {
                        if (d.constant[c]) {
                            use[c] = &cols[c];
                            continue;
                        }
                        random_permutation(perm, d.n, rng);
                        gather(d, d.x[c], perm, work[c]);
                        use[c] = &work[c];
                    }
                    const auto tv = tvalues(options.model, use, yv);
                    for (std::size_t a = 0; a < p; ++a) dist[a][task] = tv[a];
                }
            }
        },
        options.progress);
    for (std::size_t a = 0; a < p; ++a) {
        std::size_t g = 0, l = 0, two = 0, defined = 0;
        for (double v : dist[a]) {
            if (std::isnan(v)) continue;
            ++defined;
            g += v >= t[a] ? 1U : 0U;
            l += v <= t[a] ? 1U : 0U;
            two += std::abs(v) >= std::abs(t[a]) ? 1U : 0U;
        }
        auto& c = out.coefficients[a];
        const auto share = [defined](std::size_t k) {
            return defined == 0 ? nan : static_cast<double>(k) / static_cast<double>(defined);
        };
        c.p_greater = share(g);
        c.p_less = share(l);
        c.p_two_sided = share(two);
    }
    return out;
}

} // namespace copnet
