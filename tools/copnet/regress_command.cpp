// copnet regress: MRQAP regression of one relation on others and on dyadic covariates (sna's
// netlm and netlogit, with the QAP nulls).

#include <cmath>
#include <iomanip>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "copnet/analysis/inference.hpp"
#include "input.hpp"
#include "output.hpp"

namespace copnet::cli {
namespace {

struct RegressCli {
    InputOptions input;
    std::string y;
    std::vector<std::string> x;
    std::string model = "lm";
    std::string null = "qapspp";
    bool no_intercept = false;
    RegressionOptions library;
};

std::string cell(double x) { return std::isfinite(x) ? shortest(x) : std::string(); }

std::string fixed(double x, int digits) {
    if (!std::isfinite(x)) return "NA";
    std::ostringstream s;
    s << std::fixed << std::setprecision(digits) << x;
    return s.str();
}

// The text of R's summary(netlm(...)) / summary(netlogit(...)), shortened.
std::string as_text(const RegressionResult& r, const std::string& label, const std::string& y) {
    std::ostringstream out;
    out << "Landscape: " << label << '\n'
        << (r.model == RegressionModel::lm ? "OLS" : "Logistic") << " network model of " << y
        << " on " << r.n << (r.mutual ? " unordered" : " ordered") << " dyads\n\n";
    std::size_t width = 11;
    for (const auto& c : r.coefficients) width = std::max(width, c.term.size());
    out << std::left << std::setw(static_cast<int>(width)) << "" << std::right << std::setw(12)
        << "Estimate" << std::setw(10) << (r.model == RegressionModel::lm ? "t" : "z")
        << std::setw(10) << "Pr(<=b)" << std::setw(10) << "Pr(>=b)" << std::setw(11) << "Pr(>=|b|)"
        << '\n';
    for (const auto& c : r.coefficients)
        out << std::left << std::setw(static_cast<int>(width)) << c.term << std::right
            << std::setw(12) << fixed(c.estimate, 6) << std::setw(10) << fixed(c.t, 3)
            << std::setw(10) << fixed(c.p_less, 4) << std::setw(10) << fixed(c.p_greater, 4)
            << std::setw(11) << fixed(c.p_two_sided, 4) << '\n';
    out << '\n';
    if (r.model == RegressionModel::lm)
        out << "Residual standard error: " << fixed(r.residual_se, 4) << " on " << r.df_residual
            << " degrees of freedom\nMultiple R-squared: " << fixed(r.r_squared, 4)
            << "\tAdjusted R-squared: " << fixed(r.adj_r_squared, 4) << '\n';
    else
        out << "Null deviance: " << fixed(r.null_deviance, 3) << " on " << r.n
            << " degrees of freedom\nResidual deviance: " << fixed(r.deviance, 3) << " on "
            << r.df_residual << " degrees of freedom\nAIC: " << fixed(r.aic, 3)
            << "  BIC: " << fixed(r.bic, 3) << '\n';
    out << "\nNull hypothesis: " << to_string(r.null);
    if (r.null != RegressionNull::classical) out << ", " << r.reps << " replications";
    out << '\n';
    return out.str();
}

std::string run_regress(const RegressCli& o) {
    std::string label;
    Network net = load_input(o.input, label);
    // Formulas (advice&!reports_to) among the relations become relations of their own.
    std::vector<std::string> relations{o.y};
    for (const auto& t : o.x)
        if (t.rfind("same:", 0) != 0 && t.rfind("diff:", 0) != 0) relations.push_back(t);
    for (const auto& name : relations) {
        AnalysisOptions a;
        a.kinds = name;
        (void)a.filter(net);
    }
    RegressionOptions options = o.library;
    options.model = parse_regression_model(o.model);
    options.null = parse_regression_null(o.null);
    options.intercept = !o.no_intercept;
    ProgressBar bar("regress");
    options.progress = bar.callback();
    const RegressionResult r = regress(net, o.y, o.x, options);
    bar.end_line();
    switch (o.input.format()) {
    case Format::json:
        return as_json(net, r);
    case Format::csv: {
        std::ostringstream out;
        out << "term,estimate,t,p_greater,p_less,p_two_sided\n";
        for (const auto& c : r.coefficients)
            out << csv_field(c.term) << ',' << cell(c.estimate) << ',' << cell(c.t) << ','
                << cell(c.p_greater) << ',' << cell(c.p_less) << ',' << cell(c.p_two_sided) << '\n';
        return out.str();
    }
    case Format::text:
        break;
    }
    return as_text(r, label, o.y);
}

} // namespace

void add_regress_command(CLI::App& app, Runner& run) {
    auto o = std::make_shared<RegressCli>();
    CLI::App* cmd = app.add_subcommand(
        "regress", "MRQAP regression of one relation on others and on dyadic covariates\n"
                   "(sna's netlm and netlogit with QAP nulls): does advice follow reports-to?");
    add_input_options(*cmd, o->input);
    cmd->add_option("--y", o->y, "the response: a relation's name")->required();
    cmd->add_option("--x", o->x,
                    "predictors, comma-separated: relation names, same:FACET (shared category), "
                    "diff:ATTR (|difference| of a numeric attribute)")
        ->delimiter(',')
        ->required();
    cmd->add_option("--model", o->model, "lm (OLS, netlm) or logit (netlogit)")
        ->transform(CLI::IsMember({"lm", "logit"}))
        ->capture_default_str();
    cmd->add_option("--null", o->null, "qapspp (= qap), qapy, qapx, qapallx or classical")
        ->transform(CLI::IsMember({"qap", "qapspp", "qapy", "qapx", "qapallx", "classical"}))
        ->capture_default_str();
    add_replicate_options(*cmd, o->library.reps, o->library.seed, o->library.threads,
                          "permutations per term");
    cmd->add_flag("--weighted", o->library.weighted,
                  "tie values instead of presence (response and relation predictors)");
    cmd->add_flag("--no-intercept", o->no_intercept, "fit without an intercept");
    cmd->callback([o, &run] { run = [o] { return run_regress(*o); }; });
}

} // namespace copnet::cli
