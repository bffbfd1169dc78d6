#pragma once
// The conversions the binding needs, in one place: copnet's enums to and from the Python
// `enum.Enum` classes of copnet/_types.py (by CSV spelling), stakeholder ids to and from
// handles, tie filters from keyword arguments, and copnet's C++ exceptions to the Python ones.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include <copnet/analysis/reach.hpp>
#include <copnet/community.hpp>
#include <copnet/describe.hpp>
#include <copnet/network.hpp>
#include <copnet/progress.hpp>
#include <copnet/stakeholder.hpp>
#include <copnet/tie.hpp>

#include "shared_network.hpp"

namespace copnet::python {

namespace py = pybind11;

/// A string as a template argument (C++20): the Python type names of the signatures below.
template <std::size_t N>
struct TypeName {
    char text[N]{};
    constexpr TypeName(const char (&s)[N]) {  // NOLINT: implicit from a literal
        for (std::size_t i = 0; i < N; ++i) text[i] = s[i];
    }
};

/// A py::object that pybind11's signatures — the first line of each docstring, what help()
/// shows — call `Name` instead of `object`: arguments that take several types, and results.
template <TypeName Name>
class Typed : public py::object {
public:
    using py::object::object;
    Typed() = default;
    Typed(py::object o) : py::object(std::move(o)) {}  // NOLINT: implicit from any object
    static bool check_(py::handle /*any*/) { return true; }
};
/// A result: an instance of copnet.`Class` (a class of copnet._types).
template <TypeName Class>
class Result : public Typed<Class> {
public:
    using Typed<Class>::Typed;
};

using Kinds = Typed<"Union[str, Iterable[Union[copnet.TieKind, str]], None]">;
using CommunityArg = Typed<"Union[copnet.Community, str, None]">;
using ProgressArg = Typed<"Optional[Callable[[int, int], None]]">;
using PathArg = Typed<"Union[str, os.PathLike]">;
using KindArg = Typed<"Union[copnet.TieKind, str]">;
using TimeArg = Typed<"Union[str, int, datetime.date, None]">;
using SpanArg = Typed<"Union[str, int, None]">;
using NetworkArg = Typed<"copnet.Network">;
using MeasuresArg = Typed<"Union[str, Iterable[str]]">;
using TaxonomyArg = Typed<"Union[str, os.PathLike, Dict[str, Any], None]">;
using Rows = Result<"Rows">;

/// copnet._types, where the enums, exceptions and result classes live.
inline py::module_ types() { return py::module_::import("copnet._types"); }

/// An instance of the class `name` of copnet._types.
template <class... Args>
py::object make(const char* name, Args&&... args) {
    return types().attr(name)(std::forward<Args>(args)...);
}

/// A description (copnet/describe.hpp) as Python data: objects as copnet.Record (dicts whose keys
/// are also attributes, in key order), lists as copnet.Rows, str, int, float (NaN too), bool and
/// None — what the CLI prints as JSON, key for key, once `to_dict()` has made NaN None. The top-level object is an instance of
/// the Record subclass named at construction.
class PySink final : public FieldSink {
public:
    explicit PySink(const char* result_class);
    void value(std::string_view key, const FieldValue& value) override;
    void begin_object(std::string_view key) override;
    void begin_list(std::string_view key) override;
    void end() override;
    /// The top-level object.
    [[nodiscard]] py::object result() const { return root_; }

private:
    void place(std::string_view key, py::object value);
    py::object record_, rows_;  // the classes
    py::object root_;
    std::vector<py::object> open_;
};

template <class Part>
void describe_part(FieldSink& sink, const Network& net, const Part& part) {
    if constexpr (requires { std::tuple_size<Part>::value; })
        std::apply([&](const auto&... args) { describe(sink, net, args...); }, part);
    else
        describe(sink, net, part);
}

/// The result `result_class` (a Record subclass of copnet._types) made from the descriptions of
/// `parts` (each a result `describe` takes after `net`, or a tuple of such arguments).
template <class... Parts>
py::object described(const char* result_class, const Network& net, const Parts&... parts) {
    PySink sink(result_class);
    (describe_part(sink, net, parts), ...);
    return sink.result();
}

/// As above, for a network of Python's: the result and its rows also learn the network's
/// original NetworkX nodes (from_networkx), which their to_pandas() index by.
template <class... Parts>
py::object described(const char* result_class, const SharedNetwork& net, const Parts&... parts) {
    py::object result = described(result_class, static_cast<const Network&>(net), parts...);
    return types().attr("_keyed")(std::move(result),
                                  py::cast(&net, py::return_value_policy::reference));
}

/// As above, with the class known at compile time, so that the signature names it
/// (`-> copnet.ReachResult`): `described<"ReachResult">(net, r, b)`.
template <TypeName Class, class... Parts>
Result<Class> described(const SharedNetwork& net, const Parts&... parts) {
    return described(Class.text, net, parts...);
}

/// The one field `key` of the description of `part` (a list such as "candidates" → Rows).
template <class Net, class Part>
Rows described_field(const char* key, const Net& net, const Part& part) {
    return py::object(described("Record", net, part)[key]);
}

/// A per-stakeholder result {id: value} as a copnet.ByStakeholder (a dict with to_pandas()),
/// keyed by the original node objects when `net` came from copnet.from_networkx; `name` names
/// the values (the Series' name).
Result<"ByStakeholder"> by_stakeholder(const SharedNetwork& net, py::dict values, const char* name);

/// A Python progress callback called from C++: the GIL is taken for the call, and the first
/// exception it raises is kept and re-raised when the analysis returns (copnet's Progress must
/// not throw).
class PyProgress {
public:
    explicit PyProgress(py::object callback) : callback_(std::move(callback)) {}
    [[nodiscard]] Progress get() {
        if (callback_.is_none()) return {};
        return [this](std::size_t done, std::size_t total) {
            py::gil_scoped_acquire gil;
            if (error_) return;
            try {
                callback_(done, total);
            } catch (py::error_already_set& e) {
                error_ = std::make_unique<py::error_already_set>(std::move(e));
            }
        };
    }
    void rethrow() {
        if (error_) {
            py::error_already_set e = std::move(*error_);
            error_.reset();
            throw e;
        }
    }

private:
    py::object callback_;
    std::unique_ptr<py::error_already_set> error_;
};

/// Per enum: its Python class name and its spelling in both directions.
template <class E>
struct EnumInfo;
#define COPNET_PY_ENUM(E, NAME, PARSE)                                                         \
    template <>                                                                                \
    struct EnumInfo<E> {                                                                       \
        static constexpr const char* name = NAME;                                              \
        static constexpr auto type_name = pybind11::detail::const_name("copnet." NAME);        \
        static std::string_view spell(E e) noexcept { return to_string(e); }                   \
        static E parse(std::string_view s) { return PARSE(s); }                                \
    };
COPNET_PY_ENUM(Level, "Level", parse_level)
COPNET_PY_ENUM(Perspective, "Perspective", parse_perspective)
COPNET_PY_ENUM(Stance, "Stance", parse_stance)
COPNET_PY_ENUM(Circle, "Circle", parse_circle)
COPNET_PY_ENUM(TieKind, "TieKind", parse_tie_kind)
COPNET_PY_ENUM(Direction, "Direction", parse_direction)
COPNET_PY_ENUM(DiffusionModel, "DiffusionModel", parse_diffusion_model)
COPNET_PY_ENUM(LeverageMethod, "LeverageMethod", parse_leverage_method)
#undef COPNET_PY_ENUM

/// The Python enum member for `e`.
template <class E>
py::object to_py(E e) {
    return types().attr(EnumInfo<E>::name)(std::string(EnumInfo<E>::spell(e)));
}

/// Stakeholder ↔ copnet._types.Stakeholder.
py::object to_py(const Stakeholder& s);
Stakeholder stakeholder_from_py(const py::handle& obj);

/// The handle of user id `id`. Throws unknown_stakeholder (→ copnet.UnknownStakeholder).
inline StakeholderId handle(const Network& net, const std::string& id) { return net.at(id); }
/// The handles of `ids`, in order.
std::vector<StakeholderId> handles(const Network& net, const std::vector<std::string>& ids);
/// The user id of `who`.
inline const std::string& id_of(const Network& net, StakeholderId who) {
    return net.stakeholder(who).id;
}

/// A filter over `net`'s relations from `kinds` (None: every positive relation; a str
/// "advice,role:authority" as `parse_tie_filter`; or an iterable of TieKind / relation names)
/// and `direction`. Throws invalid_value naming an unknown relation.
TieFilter filter_from(const Network& net, const py::object& kinds, Direction direction);

/// The relation named by `kind` (a TieKind or a relation name of `net`). Throws invalid_value.
TieKind relation_from(const Network& net, const py::handle& kind);

/// The community named by `community` (a Community object, a name, or None → nullptr).
const Community* community_from(const Network& net, const py::object& community);

/// Registers the translation of copnet's C++ exceptions to copnet._types' Python ones.
void register_exceptions();

void bind_core(py::module_& m);
void bind_reach(py::module_& m);
void bind_gaps(py::module_& m);
void bind_boundary(py::module_& m);
void bind_circles(py::module_& m);
void bind_measures(py::module_& m);
void bind_io(py::module_& m);
void bind_events(py::module_& m);
void bind_report(py::module_& m);
void bind_inference(py::module_& m);
void bind_groups(py::module_& m);

} // namespace copnet::python

namespace pybind11::detail {

/// copnet's enums cross the boundary as the `enum.Enum` classes of copnet._types (str-valued,
/// so a plain string such as "core" is accepted too; a bad spelling raises copnet.InvalidValue).
template <class E>
struct copnet_enum_caster {
    PYBIND11_TYPE_CASTER(E, copnet::python::EnumInfo<E>::type_name);
    bool load(handle src, bool /*convert*/) {
        if (!PyUnicode_Check(src.ptr())) return false;
        Py_ssize_t size = 0;
        const char* text = PyUnicode_AsUTF8AndSize(src.ptr(), &size);
        if (text == nullptr) {
            PyErr_Clear();
            return false;
        }
        value = copnet::python::EnumInfo<E>::parse(std::string_view(text, static_cast<std::size_t>(size)));
        return true;
    }
    static handle cast(E e, return_value_policy /*policy*/, handle /*parent*/) {
        return copnet::python::to_py(e).release();
    }
};
template <> struct type_caster<copnet::Level> : copnet_enum_caster<copnet::Level> {};
template <> struct type_caster<copnet::Perspective> : copnet_enum_caster<copnet::Perspective> {};
template <> struct type_caster<copnet::Stance> : copnet_enum_caster<copnet::Stance> {};
template <> struct type_caster<copnet::Circle> : copnet_enum_caster<copnet::Circle> {};
template <> struct type_caster<copnet::TieKind> : copnet_enum_caster<copnet::TieKind> {};
template <> struct type_caster<copnet::Direction> : copnet_enum_caster<copnet::Direction> {};
template <>
struct type_caster<copnet::DiffusionModel> : copnet_enum_caster<copnet::DiffusionModel> {};
template <>
struct type_caster<copnet::LeverageMethod> : copnet_enum_caster<copnet::LeverageMethod> {};

} // namespace pybind11::detail

namespace pybind11::detail {

/// The names of copnet::python::Typed and Result in signatures.
template <copnet::python::TypeName N>
struct handle_type_name<copnet::python::Typed<N>> {
    static constexpr auto name = const_name(N.text);
};
template <copnet::python::TypeName N>
struct handle_type_name<copnet::python::Result<N>> {
    static constexpr auto name = const_name("copnet.") + const_name(N.text);
};

} // namespace pybind11::detail
