#pragma once
/// \file
/// The wide "roster" layout of name-generator surveys (Google Forms, Qualtrics, LimeSurvey and
/// spreadsheets export it so): one row per respondent, their id first, then columns `STEM_k`
/// naming the alters the respondent gave for the question STEM, one alter per cell:
///
/// ```
/// respondent,advice_1,advice_2,advice_3,friend_1
/// ana,bea,cy,,bea
/// bea,ana,,,
/// cy,ana,bea,dee,
/// ```
/// Each stem is a relation (`advice`, `friend`), each filled cell a tie respondent → alter.
/// Layout and mapping: docs/formats.md.

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "copnet/network.hpp"

namespace copnet {

/// How to read a roster.
struct RosterOptions {
    /// With a single stem: the name of its relation instead of the stem (CLI `--relation`).
    /// With several stems it is an error (each stem is a relation of its own).
    std::string relation{};
    /// Create a stakeholder (id only) for a respondent or an alter the network lacks, instead
    /// of failing with an error naming the line and column (CLI `--create-missing`). Into a
    /// network without stakeholders every id is created (there is no list to check against).
    bool create_missing_stakeholders = false;
    /// An alter named twice in one respondent's answers to one question: false (the default)
    /// makes one tie of value 1; true makes one tie whose value is the number of times named.
    bool count_repeats = false;
    /// What a tie that the network holds already does (`Merge`).
    Merge merge = Merge::by_scale;
    /// The scale of new relations: `unit` infers it from the values (unit, or count with
    /// `count_repeats` and an alter named twice).
    Scale scale = Scale::unit;
    /// The field separator: 0 detects ',', ';' or a tab from the header line.
    char delimiter = 0;
    /// `read_roster` of a workbook (`.xlsx`, `.ods`): the sheet to read; empty: the sheet named
    /// `roster`, else the first.
    std::string sheet{};
};

/// What a roster read added.
struct RosterReport {
    std::size_t respondents = 0;       ///< rows read
    std::size_t ties = 0;              ///< ties staged (after repeats were merged)
    std::size_t created = 0;           ///< stakeholders created (`create_missing_stakeholders`)
    std::size_t self_nominations = 0;  ///< cells naming the respondent: skipped
    std::size_t repeats = 0;           ///< cells naming an alter again in the same question
    std::vector<std::string> relations{};  ///< the relations read, in the order of their columns
    /// What the reader decided, one sentence each: columns skipped (not `STEM_k`), self-
    /// nominations skipped, repeats merged.
    std::vector<std::string> notes{};
};

/// Adds the ties of the roster `text` to `into`; `name` labels it in errors.
///
/// The header's first cell names the respondent column (any name); every other column named
/// `STEM_k` (k a whole number: `advice_1`, `advice_12`) belongs to the question STEM, and other
/// columns (a timestamp, a comment) are skipped with a note. Each row: the respondent's id,
/// then the alters, each an id or, failing that, the name of exactly one stakeholder of `into`
/// (blanks around a cell are trimmed; empty cells are skipped; a row may be shorter than the
/// header). Each stem is a relation: declared in `into` already, or new (directed, role other,
/// scale inferred); each filled cell a tie respondent → alter of value 1 (see `count_repeats`).
/// A cell naming the respondent is skipped and counted. RFC 4180 quoting, UTF-8 with an
/// optional BOM. All or nothing: on error `into` is unchanged. Cost: O(size + V + E) expected.
/// Throws: parse_error naming `name`, the line and the column, e.g. `survey.csv:4: advice_2:
/// "zed" is neither the id nor the name of a stakeholder`, for an unknown respondent or alter
/// (without `create_missing_stakeholders`), a name two stakeholders share, a respondent given
/// a second row, an empty respondent id, a row longer than the header, a header without any
/// `STEM_k` column, two columns of one name, or `relation` given for several stems.
RosterReport parse_roster(Network& into, std::string_view text, const RosterOptions& options = {},
                          std::string_view name = "roster.csv");
/// Reads the roster file at `path` into `into`, as `parse_roster`: a CSV file, or a sheet of an
/// `.xlsx` / `.ods` workbook (`options.sheet`; cells as text, numbers in their shortest form),
/// whose errors name the cell as the workbook reader does (`book.xlsx: survey!C4: advice_2: …`).
/// Cost: O(size + cells log cells + V + E). Throws: io_error, parse_error (also for a sheet
/// missing, a cell without a readable value or holding a line break).
RosterReport read_roster(Network& into, const std::filesystem::path& path, const RosterOptions& options = {});

} // namespace copnet
