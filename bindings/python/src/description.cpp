// Results as plain Python data, from the library's one description of each result
// (copnet/describe.hpp): the same keys, order and values as the CLI's --format json.
#include "convert.hpp"

#include <cmath>
#include <type_traits>
#include <variant>

namespace copnet::python {

PySink::PySink() : root_(py::dict()) { open_.push_back(root_); }

void PySink::place(std::string_view key, py::object value) {
    py::object& top = open_.back();
    if (py::isinstance<py::list>(top)) top.cast<py::list>().append(std::move(value));
    else top.cast<py::dict>()[py::str(std::string(key))] = std::move(value);
}

void PySink::value(std::string_view key, const FieldValue& value) {
    py::object v = std::visit(
        [](const auto& x) -> py::object {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, std::nullptr_t>) return py::none();
            else if constexpr (std::is_same_v<T, std::string_view>) return py::str(std::string(x));
            else if constexpr (std::is_same_v<T, double>)
                return std::isfinite(x) ? py::object(py::float_(x)) : py::object(py::none());
            else if constexpr (std::is_same_v<T, bool>) return py::bool_(x);
            else return py::int_(x);
        },
        value);
    place(key, std::move(v));
}

void PySink::begin_object(std::string_view key) {
    py::dict d;
    place(key, d);
    open_.push_back(d);
}

void PySink::begin_list(std::string_view key) {
    py::list l;
    place(key, l);
    open_.push_back(l);
}

void PySink::end() {
    if (open_.size() > 1) open_.pop_back();
}

} // namespace copnet::python
