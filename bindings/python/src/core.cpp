// Network, Community, the CSV pair and the summary.
#include "convert.hpp"

#include <exception>
#include <map>
#include <optional>
#include <sstream>

#include <copnet/error.hpp>
#include <copnet/io/csv.hpp>
#include <copnet/summary.hpp>
#include <copnet/io/relations.hpp>
#include <copnet/analysis/relations.hpp>

namespace copnet::python {

py::object to_py(const Stakeholder& s) {
    py::dict attributes;
    for (const auto& [k, v] : s.attributes) attributes[py::str(k)] = py::str(v);
    return make("Stakeholder", s.id, s.name, s.sector,
                s.level ? to_py(*s.level) : py::object(py::none()), to_py(s.perspective),
                s.organization, to_py(s.stance), attributes);
}

Stakeholder stakeholder_from_py(const py::handle& obj) {
    Stakeholder s;
    s.id = obj.attr("id").cast<std::string>();
    s.name = obj.attr("name").cast<std::string>();
    s.sector = obj.attr("sector").cast<std::string>();
    const py::object level = obj.attr("level");
    if (!level.is_none()) s.level = level.cast<Level>();
    s.perspective = obj.attr("perspective").cast<Perspective>();
    s.organization = obj.attr("organization").cast<std::string>();
    s.stance = obj.attr("stance").cast<Stance>();
    for (const auto& [k, v] : obj.attr("attributes").cast<py::dict>())
        s.attributes.emplace(k.cast<std::string>(), v.cast<std::string>());
    return s;
}

std::vector<StakeholderId> handles(const Network& net, const std::vector<std::string>& ids) {
    std::vector<StakeholderId> out;
    out.reserve(ids.size());
    for (const auto& id : ids) out.push_back(net.at(id));
    return out;
}

TieKind relation_from(const Network& net, const py::handle& kind) {
    const auto name = py::str(kind).cast<std::string>();  // a TieKind is a str: its spelling
    if (const auto k = net.find_relation(name)) return *k;
    throw invalid_value("unknown relation \"" + name + "\" (declare it with add_relation)");
}

TieFilter filter_from(const Network& net, const py::object& kinds, Direction direction) {
    if (kinds.is_none()) return TieFilter::all(direction);
    if (py::isinstance<py::str>(kinds) && !py::isinstance(kinds, types().attr("TieKind")))
        return parse_tie_filter(net, kinds.cast<std::string>(), to_string(direction));
    TieFilter f = TieFilter::of({}, direction);
    for (const auto& k : kinds) {
        if (!py::isinstance<py::str>(k)) throw invalid_value("a relation is named by a str or TieKind");
        f.chosen.set(static_cast<std::size_t>(relation_from(net, k)));
    }
    return f;
}

namespace {

/// A community seen from Python: its network (kept alive) and its name, looked up on each use,
/// so that a community removed from its network raises instead of dangling.
struct CommunityRef {
    py::object owner;  // the Python Network
    std::string name;
    [[nodiscard]] SharedNetwork& network() const { return owner.cast<SharedNetwork&>(); }
    [[nodiscard]] Community& get() const { return network().community(name); }
};

py::list ids_of(const Network& net, const std::vector<StakeholderId>& who) {
    py::list out;
    for (StakeholderId s : who) out.append(py::str(id_of(net, s)));
    return out;
}

Typed<"copnet.Relation"> relation_to_py(const Relation& r) {
    return make("Relation", r.name, std::string(to_string(r.role)),
                std::string(to_string(r.direction)), std::string(to_string(r.polarity)),
                std::string(to_string(r.scale)));
}

py::object tie_to_py(const Network& net, const Tie& t) {
    // A built-in relation as its TieKind; a declared one (a file's "friendship") by its name.
    const py::object kind = static_cast<std::size_t>(t.kind) < tie_kind_count
                                ? to_py(t.kind)
                                : py::object(py::str(net.relation(t.kind).name));
    return make("Tie", id_of(net, t.source), id_of(net, t.target), kind, t.weight);
}

py::list ties_to_py(const Network& net, const std::vector<Tie>& ties) {
    py::list out;
    for (const Tie& t : ties) out.append(tie_to_py(net, t));
    return out;
}

Stakeholder stakeholder_from_args(const py::object& first, const py::kwargs& fields) {
    if (!py::isinstance<py::str>(first)) {
        if (fields.size() != 0)
            throw invalid_value("add_stakeholder: give a Stakeholder or an id with fields, not both");
        return stakeholder_from_py(first);
    }
    py::dict kw;
    for (const auto& [k, v] : fields) kw[k] = v;
    return stakeholder_from_py(types().attr("Stakeholder")(first, **kw));
}

/// A deep copy, taken under the source's lock; the copy gets a lock of its own.
SharedNetwork copy_of(const SharedNetwork& n) {
    const ReadLock lock(n);
    return SharedNetwork(n);
}

/// The keyword arguments every CSV reader takes beyond its own (CsvOptions).
struct CsvKeywords {
    std::map<std::string, std::string> columns;
    std::optional<std::string> delimiter;
    bool decimal_comma = false;
    std::string encoding = "automatic";
    std::string default_relation;
    std::string scale = "unit";
    std::string merge = "scale";
};

CsvOptions csv_options(const std::string& community, bool create_missing, unsigned threads,
                       const CsvKeywords& k) {
    CsvOptions o;
    o.community = community;
    o.create_missing_stakeholders = create_missing;
    o.threads = threads;
    o.merge = parse_merge(k.merge);
    for (const auto& [file_name, name] : k.columns) o.columns.emplace_back(file_name, name);
    if (k.delimiter) {
        if (k.delimiter->size() != 1)
            throw invalid_value("delimiter must be one character (',', ';' or '\\t'), not \"" +
                                *k.delimiter + "\"");
        o.delimiter = (*k.delimiter)[0];
    }
    o.decimal_comma = k.decimal_comma;
    o.encoding = parse_encoding(k.encoding);
    o.default_relation = k.default_relation;
    o.scale = parse_scale(k.scale);
    return o;
}


} // namespace

const Community* community_from(const Network& net, const py::object& community) {
    if (community.is_none()) return nullptr;
    if (py::isinstance<CommunityRef>(community)) {
        const auto& ref = community.cast<const CommunityRef&>();
        if (&ref.network() != &net)
            throw invalid_value("community \"" + ref.name + "\" belongs to another network");
        return &ref.get();
    }
    return &net.community(community.cast<std::string>());
}

void bind_core(py::module_& m) {
    py::class_<CommunityRef>(m, "Community", R"doc(
A Community of Practice over the stakeholders of one Network: each stakeholder's circle
(core, inner, outer, none). Get one from ``Network.add_community`` or ``Network.community``.
``len(c)`` counts members, ``id in c`` tests membership, ``for id in c`` iterates members,
``c[id]`` is a circle and ``c[id] = "core"`` sets one.)doc")
        .def_property_readonly(
            "name",
            [](const CommunityRef& c) {
                const ReadLock lock(c.network());
                return c.get().name();
            },
            "The community's name, unique within its network.")
        .def_property(
            "domain",
            [](const CommunityRef& c) {
                const ReadLock lock(c.network());
                return c.get().domain();
            },
            [](const CommunityRef& c, std::string d) {
                const WriteLock lock(c.network());
                c.get().set_domain(std::move(d));
            },
            "Free text describing the shared concern.")
        .def_property_readonly("network", [](const CommunityRef& c) { return c.owner; },
                               "The network the community belongs to.")
        .def(
            "circle",
            [](const CommunityRef& c, const std::string& id) {
                const ReadLock lock(c.network());
                return c.get().circle(c.network().at(id));
            },
            py::arg("id"), "The circle of stakeholder ``id`` (Circle.none for non-members).")
        .def("__getitem__",
             [](const CommunityRef& c, const std::string& id) {
                 const ReadLock lock(c.network());
                 return c.get().circle(c.network().at(id));
             })
        .def(
            "set_circle",
            [](const CommunityRef& c, const std::string& id, Circle circle) {
                const WriteLock lock(c.network());
                c.get().set_circle(c.network().at(id), circle);
            },
            py::arg("id"), py::arg("circle"),
            "Puts stakeholder ``id`` in ``circle`` (Circle.none removes the membership).")
        .def("__setitem__",
             [](const CommunityRef& c, const std::string& id, Circle circle) {
                 const WriteLock lock(c.network());
                 c.get().set_circle(c.network().at(id), circle);
             })
        .def(
            "members",
            [](const CommunityRef& c, std::optional<Circle> circle) {
                const ReadLock lock(c.network());
                const Community& cc = c.get();
                return ids_of(c.network(), circle ? cc.members(*circle)
                                                  : cc.members_within(Circle::outer));
            },
            py::arg("circle") = py::none(),
            "Ids of the stakeholders in exactly ``circle`` (None: every member, core to "
            "outer), in the order added.")
        .def(
            "members_within",
            [](const CommunityRef& c, Circle circle) {
                const ReadLock lock(c.network());
                return ids_of(c.network(), c.get().members_within(circle));
            },
            py::arg("circle"),
            "Ids at or inside ``circle``: members_within('inner') is core + inner.")
        .def(
            "count",
            [](const CommunityRef& c, Circle circle) {
                const ReadLock lock(c.network());
                return c.get().count(circle);
            },
            py::arg("circle"),
            "Stakeholders in ``circle`` (for Circle.none: the non-members).")
        .def("__len__",
             [](const CommunityRef& c) {
                 const ReadLock lock(c.network());
                 return c.get().member_count();
             })
        .def("__contains__",
             [](const CommunityRef& c, const py::object& id) {
                 if (!py::isinstance<py::str>(id)) return false;
                 const ReadLock lock(c.network());
                 const auto who = c.network().find(id.cast<std::string>());
                 return who && c.get().is_member(*who);
             })
        .def("__iter__",
             [](const CommunityRef& c) {
                 const ReadLock lock(c.network());
                 return py::iter(ids_of(c.network(), c.get().members_within(Circle::outer)));
             })
        .def("__eq__",
             [](const CommunityRef& a, const py::object& b) {
                 return py::isinstance<CommunityRef>(b) &&
                        a.owner.is(b.cast<const CommunityRef&>().owner) &&
                        a.name == b.cast<const CommunityRef&>().name;
             })
        .def("__hash__", [](const CommunityRef& c) { return py::hash(py::str(c.name)); })
        .def("__repr__", [](const CommunityRef& c) {
            const ReadLock lock(c.network());
            const Community& cc = c.get();
            std::ostringstream out;
            out << "<copnet.Community '" << cc.name() << "': " << cc.count(Circle::core)
                << " core, " << cc.count(Circle::inner) << " inner, " << cc.count(Circle::outer)
                << " outer>";
            return out.str();
        });

    py::class_<SharedNetwork>(m, "Network", R"doc(
The landscape: stakeholders (named by their string ids) with their facets, typed ties between
them, and the communities drawn over them. ``len(net)`` counts stakeholders, ``id in net``
tests one, ``for id in net`` iterates ids in the order added, ``net[id]`` is a Stakeholder.

Thread safety: one network may be used from several Python threads. Each network has a
reader–writer lock: analyses (which release the GIL) and reads run side by side and each sees
one whole version of the network; a change (add_*, remove_*, update_stakeholder,
set_tie_weight, a Community's set_circle or domain, read_membership) waits until the running
analyses on that network are done, and analyses started meanwhile wait for the change. A
change made from inside an analysis of the same network (a progress callback) raises
copnet.Error instead of waiting for itself. Results are copies: they stay valid after later
changes.)doc")
        .def(py::init<>(), "An empty network.")
        .def("__len__",
             [](const SharedNetwork& n) {
                 const ReadLock lock(n);
                 return n.stakeholder_count();
             })
        .def("__contains__",
             [](const SharedNetwork& n, const py::object& id) {
                 if (!py::isinstance<py::str>(id)) return false;
                 const ReadLock lock(n);
                 return n.find(id.cast<std::string>()).has_value();
             })
        .def("__iter__",
             [](const SharedNetwork& n) {
                 const ReadLock lock(n);
                 py::list ids;
                 for (StakeholderId s : n.stakeholders()) ids.append(py::str(id_of(n, s)));
                 return py::iter(ids);
             })
        .def("__getitem__",
             [](const SharedNetwork& n, const std::string& id) {
                 const ReadLock lock(n);
                 return to_py(n.stakeholder(n.at(id)));
             })
        .def(
            "stakeholder",
            [](const SharedNetwork& n, const std::string& id) -> Typed<"copnet.Stakeholder"> {
                const ReadLock lock(n);
                return to_py(n.stakeholder(n.at(id)));
            },
            py::arg("id"), "The stakeholder ``id`` (a copy: change it with update_stakeholder).")
        .def(
            "stakeholders",
            [](const SharedNetwork& n) {
                const ReadLock lock(n);
                py::list out;
                for (StakeholderId s : n.stakeholders()) out.append(to_py(n.stakeholder(s)));
                return out;
            },
            "Every stakeholder, in the order added.")
        .def(
            "add_stakeholder",
            [](SharedNetwork& n, const Typed<"Union[copnet.Stakeholder, str]">& first, const py::kwargs& fields) {
                Stakeholder s = stakeholder_from_args(first, fields);
                const WriteLock lock(n);
                return id_of(n, n.add_stakeholder(std::move(s)));
            },
            py::arg("stakeholder"),
            "Adds a stakeholder, given as a Stakeholder or as an id with keyword fields "
            "(name, sector, level, perspective, organization, stance, attributes); returns its "
            "id. Raises InvalidValue for an empty or taken id.")
        .def(
            "update_stakeholder",
            [](SharedNetwork& n, const std::string& id, const Typed<"copnet.Stakeholder">& s) {
                Stakeholder fields = stakeholder_from_py(s);
                const WriteLock lock(n);
                n.update_stakeholder(n.at(id), std::move(fields));
            },
            py::arg("id"), py::arg("stakeholder"),
            "Replaces every field of ``id`` (ties and circles kept; the id may change).")
        .def(
            "remove_stakeholder",
            [](SharedNetwork& n, const std::string& id) {
                const WriteLock lock(n);
                n.remove_stakeholder(n.at(id));
            },
            py::arg("id"), "Removes ``id``, its ties and its memberships.")
        .def(
            "add_tie",
            [](SharedNetwork& n, const std::string& source, const std::string& target,
               const KindArg& kind, double weight) {
                const WriteLock lock(n);
                return n.add_tie(n.at(source), n.at(target), relation_from(n, kind), weight);
            },
            py::arg("source"), py::arg("target"), py::arg("kind") = TieKind::collaboration,
            py::arg("weight") = 1.0,
            "Adds a tie of the relation ``kind`` (a TieKind or a declared relation's name) with "
            "the value ``weight``; returns False if one of that relation existed and was merged "
            "(the larger value for unit and binary scales, the sum for count and real). Raises "
            "InvalidValue for a self-tie, an undeclared relation or a value off its scale.")
        .def(
            "remove_tie",
            [](SharedNetwork& n, const std::string& source, const std::string& target,
               const KindArg& kind) {
                const WriteLock lock(n);
                return n.remove_tie(n.at(source), n.at(target), relation_from(n, kind));
            },
            py::arg("source"), py::arg("target"), py::arg("kind"),
            "Removes the tie; returns False if there was none.")
        .def(
            "tie",
            [](const SharedNetwork& n, const std::string& source, const std::string& target,
               const KindArg& kind) -> Typed<"Optional[copnet.Tie]"> {
                const ReadLock lock(n);
                const auto t = n.find_tie(n.at(source), n.at(target), relation_from(n, kind));
                return t ? tie_to_py(n, *t) : py::object(py::none());
            },
            py::arg("source"), py::arg("target"), py::arg("kind"),
            "The tie of ``kind`` between the two (either order for a mutual relation), or None.")
        .def(
            "set_tie_weight",
            [](SharedNetwork& n, const std::string& source, const std::string& target,
               const KindArg& kind, double weight) {
                const WriteLock lock(n);
                n.set_tie_weight(n.at(source), n.at(target), relation_from(n, kind), weight);
            },
            py::arg("source"), py::arg("target"), py::arg("kind"), py::arg("weight"),
            "Sets the weight of an existing tie.")
        .def(
            "ties",
            [](const SharedNetwork& n, const std::optional<std::string>& id,
               const Kinds& kinds, Direction direction) {
                const ReadLock lock(n);
                const TieFilter f = filter_from(n, kinds, direction);
                if (!id && kinds.is_none()) return ties_to_py(n, n.all_ties());  // negative too
                return ties_to_py(n, id ? n.ties(n.at(*id), f) : n.all_ties(f));
            },
            py::arg("id") = py::none(), py::kw_only(), py::arg("kinds") = py::none(),
            py::arg("direction") = Direction::out,
            "The ties followed from ``id`` under kinds × direction, or (id None) every tie of "
            "those relations (kinds None: every tie of every relation).")
        .def(
            "neighbours",
            [](const SharedNetwork& n, const std::string& id, const Kinds& kinds,
               Direction direction) {
                const ReadLock lock(n);
                const TieFilter f = filter_from(n, kinds, direction);
                return ids_of(n, n.neighbours(n.at(id), f));
            },
            py::arg("id"), py::kw_only(), py::arg("kinds") = py::none(),
            py::arg("direction") = Direction::out,
            "Ids one followed tie away from ``id`` (one entry per tie).")
        .def(
            "tie_count",
            [](const SharedNetwork& n, const KindArg& kind) {
                const ReadLock lock(n);
                return kind.is_none() ? n.tie_count() : n.tie_count(relation_from(n, kind));
            },
            py::arg("kind") = py::none(), "Number of ties (of the relation ``kind``).")
        .def(
            "add_relation",
            [](SharedNetwork& n, const std::string& name, const std::string& role,
               const std::string& direction, const std::string& polarity,
               const std::string& scale) {
                Relation r{name, parse_role(role), parse_relation_direction(direction),
                           parse_polarity(polarity), parse_scale(scale)};
                const WriteLock lock(n);
                return relation_to_py(n.relation(n.add_relation(std::move(r))));
            },
            py::arg("name"), py::kw_only(), py::arg("role") = "other",
            py::arg("direction") = "directed", py::arg("polarity") = "positive",
            py::arg("scale") = "unit",
            R"doc(Declares a relation (docs/concepts.md) and returns it as a Relation: ``role``
authority, influence, collaboration, communication, affect, affiliation or other; ``direction``
directed or mutual; ``polarity`` positive or negative (followed only when named); ``scale``
unit ([0,1]), binary, count or real. Declaring a name again the same way returns it; a built-in
relation may be redeclared while it has no ties. Raises InvalidValue otherwise.)doc")
        .def(
            "add_attribute_name",
            [](SharedNetwork& n, const std::string& name) {
                const WriteLock lock(n);
                n.add_attribute_name(name);
            },
            py::arg("name"),
            "Declares an attribute column (kept in attribute_names, in order, with no values "
            "yet). Raises InvalidValue for an empty or reserved name.")
        .def(
            "derive_relation",
            [](SharedNetwork& n, const std::string& formula, std::string name) {
                const WriteLock lock(n);
                return relation_to_py(n.relation(derive_relation(n, formula, std::move(name))));
            },
            py::arg("formula"), py::arg("name") = "",
            R"doc(Adds the relation a formula defines pair by pair over the network's relations —
names with & (and), | (or), ! (not) and parentheses: ``"advice&!reports_to"`` (advice not backed
by hierarchy) — named ``name`` (default: the formula without blanks), and returns it; analyses
then follow it by name (``kinds="advice&!reports_to"``). Binary, of the first relation's role,
mutual when every relation it names is. Raises InvalidValue for a syntax error, an unknown
relation, or a formula that holds for untied pairs.)doc")
        .def(
            "find_relation",
            [](const SharedNetwork& n, const std::string& name) -> Typed<"Optional[copnet.Relation]"> {
                const ReadLock lock(n);
                const auto k = n.find_relation(name);
                return k ? py::object(relation_to_py(n.relation(*k))) : py::object(py::none());
            },
            py::arg("name"),
            "The relation named ``name`` (compared as categories are: case and white space "
            "aside), or None.")
        .def_property_readonly(
            "relations",
            [](const SharedNetwork& n) {
                const ReadLock lock(n);
                py::list out;
                for (const Relation& r : n.relations()) out.append(relation_to_py(r));
                return out;
            },
            "Every relation, built-in three first, as Relation(name, role, direction, "
            "polarity, scale).")
        .def_property_readonly(
            "attribute_names",
            [](const SharedNetwork& n) {
                const ReadLock lock(n);
                const auto names = n.attribute_names();
                return std::vector<std::string>(names.begin(), names.end());
            },
            "Attribute (extra column) names, in the order first seen.")
        .def(
            "facet",
            [](const SharedNetwork& n, const std::string& id, const std::string& facet) {
                const ReadLock lock(n);
                return std::string(n.facet(n.at(id), facet));
            },
            py::arg("id"), py::arg("facet"),
            "The category of ``id`` under a facet (sector, level, … or an attribute).")
        .def(
            "add_community",
            [](const NetworkArg& self, std::string name, std::string domain) {
                auto& n = self.cast<SharedNetwork&>();
                const WriteLock lock(n);
                Community& c = n.add_community(std::move(name), std::move(domain));
                return CommunityRef{std::move(self), c.name()};
            },
            py::arg("name"), py::arg("domain") = "",
            "Adds an empty community and returns it. Raises InvalidValue if the name is taken.")
        .def(
            "community",
            [](const NetworkArg& self, const std::string& name) {
                const auto& n = self.cast<const SharedNetwork&>();
                const ReadLock lock(n);
                const Community& c = n.community(name);
                return CommunityRef{std::move(self), c.name()};
            },
            py::arg("name") = "community",
            "The community ``name``. Raises InvalidValue if there is none.")
        .def(
            "communities",
            [](const NetworkArg& self) {
                const auto& n = self.cast<const SharedNetwork&>();
                const ReadLock lock(n);
                std::vector<CommunityRef> out;
                for (const Community* c : n.communities())
                    out.push_back(CommunityRef{self, c->name()});
                return out;
            },
            "Every community, in the order added.")
        .def(
            "remove_community",
            [](SharedNetwork& n, const std::string& name) {
                const WriteLock lock(n);
                return n.remove_community(name);
            },
            py::arg("name"), "Removes the community; returns False if there was none.")
        .def(
            "summary",
            [](const SharedNetwork& n, const CommunityArg& community) {
                const ReadLock lock(n);
                const Summary s = summarize(n, community_from(n, community));
                return described<"Summary">(n, s);
            },
            py::arg("community") = py::none(),
            "Counts of stakeholders, ties by kind, circles (of ``community``), levels, stances.")
        .def("copy", &copy_of, "A deep copy (with a lock of its own).")
        .def("__copy__", &copy_of)
        .def("__deepcopy__", [](const SharedNetwork& n, const py::object&) { return copy_of(n); })
        .def("__eq__",
             [](const SharedNetwork& a, const py::object& b) {
                 if (!py::isinstance<SharedNetwork>(b)) return false;
                 const auto& other = b.cast<const SharedNetwork&>();
                 const ReadLock lock_a(a);
                 const ReadLock lock_b(other);
                 return a == other;
             })
        .def("__repr__", [](const SharedNetwork& n) {
            const ReadLock lock(n);
            std::ostringstream out;
            out << "<copnet.Network: " << n.stakeholder_count() << " stakeholders, "
                << n.tie_count() << " ties";
            const auto cs = n.communities();
            for (std::size_t i = 0; i < cs.size(); ++i)
                out << (i == 0 ? "; communities: " : ", ") << cs[i]->name();
            out << '>';
            return out.str();
        });
    // `__hash__` is None for a mutable container with `__eq__`.
    m.attr("Network").attr("__hash__") = py::none();

    m.def(
        "read_csv",
        [](const std::optional<std::string>& nodes, const std::string& ties,
           const std::string& community, bool create_missing, unsigned threads,
           const std::optional<std::string>& relations,
           const std::map<std::string, std::string>& columns,
           const std::optional<std::string>& delimiter, bool decimal_comma,
           const std::string& encoding, const std::string& default_relation,
           const std::string& scale, const std::string& merge, const ProgressArg& progress) {
            CsvOptions options =
                csv_options(community, create_missing, threads,
                            {columns, delimiter, decimal_comma, encoding, default_relation,
                             scale, merge});
            PyProgress report(progress);
            options.progress = report.get();
            SharedNetwork net;
            {
                py::gil_scoped_release release;
                if (relations) read_relations(net, *relations);
                if (nodes) read_csv(net, *nodes, ties, options);
                else read_edge_list(net, ties, options);
            }
            report.rethrow();
            return net;
        },
        py::arg("nodes"), py::arg("ties"), py::kw_only(), py::arg("community") = "community",
        py::arg("create_missing") = false, py::arg("threads") = 0,
        py::arg("relations") = py::none(), py::arg("columns") = std::map<std::string, std::string>{},
        py::arg("delimiter") = py::none(), py::arg("decimal_comma") = false,
        py::arg("encoding") = "automatic", py::arg("default_relation") = "",
        py::arg("scale") = "unit", py::arg("merge") = "scale", py::arg("progress") = py::none(),
        R"doc(Reads a CSV pair (nodes.csv, ties.csv; docs/formats.md) into a new Network, after
the relations file ``relations`` (relations.csv: name,role,direction,polarity,scale) when
given; a relation ties.csv names but nobody declared is added as role other. The ``circle``
column fills ``community``; ``circle:NAME`` columns fill community NAME. ``nodes=None`` reads
``ties`` as a plain edge list whose ids become the stakeholders (``.edgelist``, ``.ncol`` and
``.edges`` files separated by spaces, as networkx.write_edgelist writes them).
``columns`` renames the files' columns first ({"level": "rank", "department": "sector"});
``delimiter`` (",", ";" or "\t"; default: detected per file), ``decimal_comma`` (values
written "0,5") and ``encoding`` ("automatic": UTF-8, else Windows-1252 for a file with no UTF-8
sequence; "utf8"; "cp1252") read European and Excel files; ``default_relation`` is the relation
of a ties.csv without a relation column (default: "edge", a mutual collaboration relation);
``scale`` ("unit", "binary", "count", "real") is that of the relations the file brings without
a declaration (weights beyond [0,1] need "count" or "real"). ``merge`` says what a row
repeating a tie (one relation, one pair) does: "scale" (the larger value for unit and binary
relations, the sum for count and real), "max", "sum", "first", or "error" (a ParseError naming
the line). ``progress(done, total)`` is called about a hundred times: nodes.csv's rows, then
ties.csv's rows read, then the ties added. Raises ParseError (file, line, field) for malformed
input, FileError for unreadable files; InvalidValue for an unknown option value.)doc");
    m.def(
        "read_relations",
        [](SharedNetwork& net, const std::string& path) {
            const WriteLock lock(net);
            return read_relations(net, path);
        },
        py::arg("network"), py::arg("path"),
        "Declares the relations of relations.csv in ``network``; returns how many rows it "
        "read. All or nothing: ParseError (file, line, column) leaves the network unchanged.");
    m.def(
        "parse_relations",
        [](SharedNetwork& net, const std::string& text) {
            const WriteLock lock(net);
            return parse_relations(net, text);
        },
        py::arg("network"), py::arg("text"),
        "As read_relations, from relations.csv text (such as G.graph[\"relations\"] of copnet's "
        "GraphML read by NetworkX).");
    m.def(
        "write_relations",
        [](const SharedNetwork& net, const std::string& path) {
            const ReadLock lock(net);
            write_relations(net, std::filesystem::path(path));
        },
        py::arg("network"), py::arg("path"),
        "Writes every relation's declaration as relations.csv (atomically).");
    m.def(
        "parse_csv",
        [](const std::optional<std::string>& nodes_text, const std::string& ties_text,
           const std::string& community, bool create_missing,
           const std::map<std::string, std::string>& columns,
           const std::optional<std::string>& delimiter, bool decimal_comma,
           const std::string& default_relation, const std::string& scale,
           const std::string& merge) {
            SharedNetwork net;
            const CsvOptions options =
                csv_options(community, create_missing, 1,
                            {columns, delimiter, decimal_comma, "utf8", default_relation, scale,
                             merge});
            if (nodes_text) parse_csv(net, *nodes_text, ties_text, options);
            else parse_edge_list(net, ties_text, options);
            return net;
        },
        py::arg("nodes_text"), py::arg("ties_text"), py::kw_only(),
        py::arg("community") = "community", py::arg("create_missing") = false,
        py::arg("columns") = std::map<std::string, std::string>{},
        py::arg("delimiter") = py::none(), py::arg("decimal_comma") = false,
        py::arg("default_relation") = "", py::arg("scale") = "unit", py::arg("merge") = "scale",
        "As read_csv, from the two files' text (UTF-8: Python strings; nodes_text=None for an "
        "edge list).");
    m.def(
        "write_csv",
        [](const SharedNetwork& net, const std::string& nodes, const std::string& ties,
           const std::string& community, bool crlf) {
            const ReadLock lock(net);
            CsvWriteOptions o;
            o.community = community;
            o.crlf = crlf;
            py::gil_scoped_release release;
            write_csv(net, nodes, ties, o);
        },
        py::arg("network"), py::arg("nodes"), py::arg("ties"), py::kw_only(),
        py::arg("community") = "community", py::arg("crlf") = false,
        "Writes a CSV pair that read_csv reads back to an equal network.");
}

void register_exceptions() {
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const parse_error& e) {
            const py::object err = types().attr("ParseError")(e.what(), e.file(), e.line(),
                                                              e.field(), e.message());
            PyErr_SetObject(types().attr("ParseError").ptr(), err.ptr());
        } catch (const unknown_stakeholder& e) {
            const py::object err = types().attr("UnknownStakeholder")(e.what(), e.id());
            PyErr_SetObject(types().attr("UnknownStakeholder").ptr(), err.ptr());
        } catch (const invalid_value& e) {
            PyErr_SetString(types().attr("InvalidValue").ptr(), e.what());
        } catch (const io_error& e) {
            const py::object err = types().attr("FileError")(e.what(), e.path());
            PyErr_SetObject(types().attr("FileError").ptr(), err.ptr());
        } catch (const error& e) {
            PyErr_SetString(types().attr("Error").ptr(), e.what());
        }
    });
}

} // namespace copnet::python
