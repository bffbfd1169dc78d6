// The native module copnet._copnet. The package copnet (copnet/__init__.py) re-exports it with
// the enums, exceptions and result classes of copnet/_types.py and the NetworkX bridge.
#include "convert.hpp"

#include <string>

#include <copnet/version.hpp>

PYBIND11_MODULE(_copnet, m) {
    m.doc() = "copnet's native core (C++ through pybind11); import the package `copnet`.";
    m.attr("__version__") = std::string(copnet::version());
    copnet::python::register_exceptions();
    copnet::python::bind_core(m);
    copnet::python::bind_reach(m);
    copnet::python::bind_gaps(m);
    copnet::python::bind_boundary(m);
    copnet::python::bind_circles(m);
    copnet::python::bind_measures(m);
    copnet::python::bind_io(m);
    copnet::python::bind_events(m);
    copnet::python::bind_report(m);
    copnet::python::bind_inference(m);
    copnet::python::bind_groups(m);
}
