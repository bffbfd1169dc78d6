// Results as Python records (copnet.Record, copnet.Rows) from the library's one description of
// each result (copnet/describe.hpp): the same keys, order and values as the CLI's --format json.
#include "convert.hpp"

#include <type_traits>
#include <variant>

namespace copnet::python {

PySink::PySink(const char* result_class)
    : record_(types().attr("Record")), rows_(types().attr("Rows")),
      root_(types().attr(result_class)()) {
    open_.push_back(root_);
}

void PySink::place(std::string_view key, py::object value) {
    py::object& top = open_.back();
    if (PyList_Check(top.ptr())) {
        if (PyList_Append(top.ptr(), value.ptr()) != 0) throw py::error_already_set();
    } else {
        const py::str k(key.data(), key.size());
        if (PyDict_SetItem(top.ptr(), k.ptr(), value.ptr()) != 0) throw py::error_already_set();
    }
}

void PySink::value(std::string_view key, const FieldValue& value) {
    py::object v = std::visit(
        [](const auto& x) -> py::object {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, std::nullptr_t>) return py::none();
            else if constexpr (std::is_same_v<T, std::string_view>) return py::str(std::string(x));
            else if constexpr (std::is_same_v<T, double>) return py::float_(x);  // NaN stays NaN
            else if constexpr (std::is_same_v<T, bool>) return py::bool_(x);
            else return py::int_(x);
        },
        value);
    place(key, std::move(v));
}

void PySink::begin_object(std::string_view key) {
    py::object d = record_();
    place(key, d);
    open_.push_back(d);
}

void PySink::begin_list(std::string_view key) {
    py::object l = rows_();
    place(key, l);
    open_.push_back(l);
}

void PySink::end() {
    if (open_.size() > 1) open_.pop_back();
}

Result<"ByStakeholder"> by_stakeholder(const SharedNetwork& net, py::dict values, const char* name) {
    const py::object network = py::cast(&net, py::return_value_policy::reference);
    return types().attr("ByStakeholder").attr("_of")(network, std::move(values), name);
}

} // namespace copnet::python
