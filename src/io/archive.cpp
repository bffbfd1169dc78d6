#include "copnet/io/archive.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdio>
#include <exception>
#include <limits>
#include <new>
#include <ostream>
#include <sstream>
#include <streambuf>
#include <type_traits>
#include <vector>

#include <boost/archive/archive_exception.hpp>
#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/archive/xml_iarchive.hpp>
#include <boost/archive/xml_oarchive.hpp>
#include <boost/serialization/binary_object.hpp>
#include <boost/serialization/nvp.hpp>
#include <boost/serialization/split_member.hpp>
#include <boost/serialization/tracking.hpp>
#include <boost/serialization/version.hpp>

#include "copnet/error.hpp"
#include "copnet/io/file.hpp"
#include "detail/text.hpp"

namespace copnet::archive_detail {

/// A read-only stream buffer over bytes in memory that reports its position (for the checks
/// of counts against the remaining input, and for line numbers in errors).
class ViewBuf : public std::streambuf {
public:
    explicit ViewBuf(std::string_view bytes) {
        char* p = const_cast<char*>(bytes.data());
        setg(p, p, p + bytes.size());
    }
    [[nodiscard]] std::size_t position() const noexcept {
        return static_cast<std::size_t>(gptr() - eback());
    }

protected:
    pos_type seekoff(off_type off, std::ios_base::seekdir dir,
                     std::ios_base::openmode which) override {
        if (off != 0 || dir != std::ios_base::cur || !(which & std::ios_base::in))
            return pos_type(off_type(-1));
        return pos_type(static_cast<off_type>(position()));
    }
};

/// Reading state: where in the input we are, for bounds and for messages.
struct Loader {
    std::string_view bytes;
    const ViewBuf* buf;
    ArchiveKind kind;
    std::string name;
    std::string where = "header";
    std::size_t line_offset = 0;  // lines before `bytes` (the XML header, read separately)

    [[nodiscard]] std::size_t remaining() const noexcept {
        return bytes.size() - std::min(bytes.size(), buf->position());
    }
    [[nodiscard]] std::size_t line() const noexcept {
        if (kind == ArchiveKind::binary) return 0;
        const std::size_t pos = std::min(bytes.size(), buf->position());
        return 1 + line_offset +
               static_cast<std::size_t>(std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
    }
    [[noreturn]] void fail(const std::string& message) const {
        throw parse_error(name, line(), where, where + ": " + message);
    }
};

template <class Ar>
inline constexpr bool is_xml =
    std::is_same_v<Ar, boost::archive::xml_oarchive> || std::is_same_v<Ar, boost::archive::xml_iarchive>;

using boost::serialization::make_nvp;

/// Longest XML tag name an archive may hold (copnet's are at most 19 characters).
inline constexpr std::size_t max_tag = 63;

/// Boost 1.74's XML reader compares a closing tag from the input with the expected name over the
/// input tag's length, reading past the end of a shorter name (found by fuzzing). So every name
/// it reads with is a copy padded with NULs to `max_tag + 1` bytes, and inputs with longer tag
/// names are rejected before Boost sees them (`check_tag_lengths`).
inline const char* padded(const char* name) {
    static constexpr std::array<std::string_view, 20> names{
        "network", "attribute_count", "attribute_name", "stakeholder_count", "id", "name",
        "sector", "level", "perspective", "organization", "stance", "value_count", "attribute",
        "value", "tie_count", "source", "target", "kind", "weight", "community_count"};
    static constexpr std::array<std::string_view, 5> more{"community", "domain", "member_count", "member",
                                                          "checksum"};
    static constexpr std::array<std::string_view, 7> last{
        "circle", "relation_count", "relation", "role", "direction", "polarity", "scale"};
    static const auto table = [] {
        std::vector<std::pair<std::string_view, std::array<char, max_tag + 1>>> t;
        auto add = [&](std::string_view n) {
            std::array<char, max_tag + 1> buf{};
            std::copy(n.begin(), n.end(), buf.begin());
            t.emplace_back(n, buf);
        };
        for (auto n : names) add(n);
        for (auto n : more) add(n);
        for (auto n : last) add(n);
        return t;
    }();
    for (const auto& [n, buf] : table)
        if (n == name) return buf.data();
    return name;  // not reached: every tag copnet reads with is in the table
}

/// 64-bit FNV-1a (Fowler, Noll & Vo) over the record's fields as archived, in archive order:
/// each integer and each double's IEEE-754 bit pattern as 8 little-endian bytes, each string as
/// its length, then its bytes. The same field values give the same checksum in all three
/// kinds; any single changed byte of this encoding changes the checksum (every FNV-1a step is a
/// bijection of the state).
class Checksum {
public:
    void add(std::uint64_t v) noexcept {
        for (int i = 0; i < 8; ++i) byte(static_cast<unsigned char>(v >> (8 * i)));
    }
    void add(double v) noexcept { add(std::bit_cast<std::uint64_t>(v)); }
    void add(std::string_view s) noexcept {
        add(static_cast<std::uint64_t>(s.size()));
        for (const char c : s) byte(static_cast<unsigned char>(c));
    }
    [[nodiscard]] std::uint64_t value() const noexcept { return state_; }

private:
    void byte(unsigned char b) noexcept { state_ = (state_ ^ b) * 0x100000001b3ULL; }
    std::uint64_t state_ = 0xcbf29ce484222325ULL;
};

/// "0x…" with 16 hex digits.
inline std::string hex(std::uint64_t v) {
    std::array<char, 19> buf{};
    std::snprintf(buf.data(), buf.size(), "0x%016llx", static_cast<unsigned long long>(v));
    return buf.data();
}

/// The whole network as one versioned record (Boost's class version = `archive_version`).
/// Version 1: the fields below. Version 2: the same fields, then `checksum` (see `Checksum`).
/// Version 3: between the stakeholders and the ties, the relations beyond the built-in three
/// (`relation_count`, then per relation its name, role, direction, polarity and scale), so that
/// a tie's `kind` may name any of them.
struct Record {
    const Network* network = nullptr;
    Network* output = nullptr;
    Loader* in = nullptr;
    mutable Checksum sum{};  // of the fields saved or loaded so far

    // ---- saving ----
    template <class Ar>
    void put_string(Ar& ar, const char* tag, const std::string& s) const {
        sum.add(std::string_view(s));
        if constexpr (is_xml<Ar>) {
            ar << make_nvp(tag, s);
        } else {
            // Length first, then the bytes as a binary object: the reader checks the length
            // against the input before allocating (Boost's own std::string loader does not).
            const std::uint64_t n = s.size();
            ar << make_nvp(tag, n);
            if (n > 0)
                ar << make_nvp(tag, boost::serialization::make_binary_object(
                                        const_cast<char*>(s.data()), s.size()));
        }
    }
    template <class Ar>
    void put_u64(Ar& ar, const char* tag, std::uint64_t v) const {
        sum.add(v);
        ar << make_nvp(tag, v);
    }

    template <class Ar>
    void save(Ar& ar, unsigned version) const {
        const Network& net = *network;
        sum.add(static_cast<std::uint64_t>(version));
        const auto names = net.attribute_names();
        put_u64(ar, "attribute_count", names.size());
        for (const std::string& n : names) put_string(ar, "attribute_name", n);

        std::vector<std::uint64_t> index(net.slot_count(), 0);
        put_u64(ar, "stakeholder_count", net.stakeholder_count());
        std::uint64_t next = 0;
        for (StakeholderId who : net.stakeholders()) {
            index[who.index()] = next++;
            const Stakeholder& s = net.stakeholder(who);
            put_string(ar, "id", s.id);
            put_string(ar, "name", s.name);
            put_string(ar, "sector", s.sector);
            put_u64(ar, "level", s.level ? static_cast<std::uint64_t>(*s.level) : 3U);
            put_u64(ar, "perspective", static_cast<std::uint64_t>(s.perspective));
            put_string(ar, "organization", s.organization);
            put_u64(ar, "stance", static_cast<std::uint64_t>(s.stance));
            put_u64(ar, "value_count", s.attributes.size());
            for (const auto& [k, v] : s.attributes) {
                put_string(ar, "attribute", k);
                put_string(ar, "value", v);
            }
        }
        const auto relations = net.relations();
        put_u64(ar, "relation_count", relations.size() - tie_kind_count);
        for (const Relation& r : relations.subspan(tie_kind_count)) {
            put_string(ar, "relation", r.name);
            put_u64(ar, "role", static_cast<std::uint64_t>(r.role));
            put_u64(ar, "direction", static_cast<std::uint64_t>(r.direction));
            put_u64(ar, "polarity", static_cast<std::uint64_t>(r.polarity));
            put_u64(ar, "scale", static_cast<std::uint64_t>(r.scale));
        }
        const std::vector<Tie> ties = net.all_ties();
        put_u64(ar, "tie_count", ties.size());
        for (const Tie& t : ties) {
            put_u64(ar, "source", index[t.source.index()]);
            put_u64(ar, "target", index[t.target.index()]);
            put_u64(ar, "kind", static_cast<std::uint64_t>(t.kind));
            const double w = t.weight;
            sum.add(w);
            ar << make_nvp("weight", w);
        }
        const auto communities = net.communities();
        put_u64(ar, "community_count", communities.size());
        for (const Community* c : communities) {
            put_string(ar, "community", c->name());
            put_string(ar, "domain", c->domain());
            put_u64(ar, "member_count", c->member_count());
            // By circle (core, inner, outer), each in slot order: O(members) for a sparse
            // community instead of a pass over every stakeholder per community.
            for (const Circle circle : {Circle::core, Circle::inner, Circle::outer}) {
                for (StakeholderId who : c->members(circle)) {
                    put_u64(ar, "member", index[who.index()]);
                    put_u64(ar, "circle", static_cast<std::uint64_t>(circle));
                }
            }
        }
        const std::uint64_t checksum = sum.value();  // the checksum itself is not summed
        ar << make_nvp("checksum", checksum);
    }

    // ---- loading ----
    template <class Ar>
    std::uint64_t get_u64(Ar& ar, const char* tag) {
        std::uint64_t v = 0;
        ar >> make_nvp(padded(tag), v);
        sum.add(v);
        return v;
    }
    template <class Ar>
    std::uint64_t get_count(Ar& ar, const char* tag, const std::string& where) {
        in->where = where;
        const std::uint64_t n = get_u64(ar, tag);
        // Every element takes at least one byte of input.
        if (n > in->remaining())
            in->fail("count " + std::to_string(n) + " exceeds the " +
                     std::to_string(in->remaining()) + " bytes left in the input");
        return n;
    }
    template <class Ar>
    std::uint64_t get_enum(Ar& ar, const char* tag, std::uint64_t limit, const char* what) {
        const std::uint64_t v = get_u64(ar, tag);
        if (v >= limit) in->fail(std::to_string(v) + " is not a " + what);
        return v;
    }
    template <class Ar>
    std::string get_string(Ar& ar, const char* tag) {
        std::string s;
        if constexpr (is_xml<Ar>) {
            ar >> make_nvp(padded(tag), s);
        } else {
            std::uint64_t n = 0;
            ar >> make_nvp(padded(tag), n);  // summed with the bytes below
            if (n > in->remaining())
                in->fail("string length " + std::to_string(n) + " exceeds the " +
                         std::to_string(in->remaining()) + " bytes left in the input");
            s.resize(static_cast<std::size_t>(n));
            if (n > 0)
                ar >> make_nvp(padded(tag), boost::serialization::make_binary_object(s.data(), s.size()));
        }
        sum.add(std::string_view(s));
        return s;
    }

    template <class Ar>
    void load(Ar& ar, unsigned version) {
        if (version == 0 || version > archive_version)
            in->fail("archive version " + std::to_string(version) +
                     " is not supported (this copnet reads versions 1 to " +
                     std::to_string(archive_version) + ")");
        sum.add(static_cast<std::uint64_t>(version));
        Network& net = *output;
        auto field = [this](const char* list, std::uint64_t i, const char* f) {
            in->where = std::string(list) + "[" + std::to_string(i) + "]" + (*f ? "." : "") + f;
        };
        const std::uint64_t attributes = get_count(ar, "attribute_count", "attribute_names");
        for (std::uint64_t i = 0; i < attributes; ++i) {
            field("attribute_names", i, "");
            net.add_attribute_name(get_string(ar, "attribute_name"));
        }
        const std::uint64_t n = get_count(ar, "stakeholder_count", "stakeholders");
        std::vector<StakeholderId> handles;
        handles.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(n, in->remaining() / 8)));
        for (std::uint64_t i = 0; i < n; ++i) {
            Stakeholder s;
            field("stakeholders", i, "id");
            s.id = get_string(ar, "id");
            field("stakeholders", i, "name");
            s.name = get_string(ar, "name");
            field("stakeholders", i, "sector");
            s.sector = get_string(ar, "sector");
            field("stakeholders", i, "level");
            const std::uint64_t level = get_enum(ar, "level", 4, "level (0-2, 3 = unknown)");
            if (level < 3) s.level = static_cast<Level>(level);
            field("stakeholders", i, "perspective");
            s.perspective = static_cast<Perspective>(get_enum(ar, "perspective", 4, "perspective"));
            field("stakeholders", i, "organization");
            s.organization = get_string(ar, "organization");
            field("stakeholders", i, "stance");
            s.stance = static_cast<Stance>(get_enum(ar, "stance", 3, "stance"));
            field("stakeholders", i, "attributes");
            const std::uint64_t values = get_count(ar, "value_count", in->where);
            for (std::uint64_t j = 0; j < values; ++j) {
                field("stakeholders", i, "attributes");
                std::string key = get_string(ar, "attribute");
                std::string value = get_string(ar, "value");
                if (!s.attributes.emplace(key, std::move(value)).second)
                    in->fail("attribute \"" + key + "\" appears twice");
            }
            field("stakeholders", i, "id");
            handles.push_back(net.add_stakeholder(std::move(s)));
        }
        if (version >= 3) load_relations(ar, net);
        const std::uint64_t ties = get_count(ar, "tie_count", "ties");
        for (std::uint64_t i = 0; i < ties; ++i) {
            field("ties", i, "source");
            const std::uint64_t source = get_u64(ar, "source");
            if (source >= handles.size()) in->fail("no stakeholder number " + std::to_string(source));
            field("ties", i, "target");
            const std::uint64_t target = get_u64(ar, "target");
            if (target >= handles.size()) in->fail("no stakeholder number " + std::to_string(target));
            field("ties", i, "kind");
            const auto kind = static_cast<TieKind>(
                get_enum(ar, "kind", net.relations().size(), "relation of this archive"));
            field("ties", i, "weight");
            double weight = 0;
            ar >> make_nvp(padded("weight"), weight);
            sum.add(weight);
            net.add_tie(handles[source], handles[target], kind, weight);
        }
        const std::uint64_t communities = get_count(ar, "community_count", "communities");
        for (std::uint64_t i = 0; i < communities; ++i) {
            field("communities", i, "name");
            std::string name = get_string(ar, "community");
            field("communities", i, "domain");
            std::string domain = get_string(ar, "domain");
            field("communities", i, "name");
            Community& c = net.add_community(std::move(name), std::move(domain));
            field("communities", i, "members");
            const std::uint64_t members = get_count(ar, "member_count", in->where);
            for (std::uint64_t j = 0; j < members; ++j) {
                field("communities", i, "members");
                const std::uint64_t who = get_u64(ar, "member");
                if (who >= handles.size()) in->fail("no stakeholder number " + std::to_string(who));
                const auto circle = static_cast<Circle>(get_enum(ar, "circle", 3, "circle (0-2)"));
                c.set_circle(handles[who], circle);
            }
        }
        if (version >= 2) check_sum(ar);
        in->where = "end";
    }
    // Version 3 and later: the declared relations, numbered after the built-in three.
    template <class Ar>
    void load_relations(Ar& ar, Network& net) {
        const std::uint64_t n = get_count(ar, "relation_count", "relations");
        if (n > max_relations - tie_kind_count)
            in->fail(std::to_string(n) + " relations: a network holds at most " +
                     std::to_string(max_relations));
        for (std::uint64_t i = 0; i < n; ++i) {
            const auto at = [&](const char* f) {
                in->where = "relations[" + std::to_string(i) + "]." + f;
            };
            Relation r;
            at("name");
            r.name = get_string(ar, "relation");
            at("role");
            r.role = static_cast<Role>(get_enum(ar, "role", 7, "role (0-6)"));
            at("direction");
            r.direction = static_cast<RelationDirection>(
                get_enum(ar, "direction", 2, "relation direction (0-1)"));
            at("polarity");
            r.polarity = static_cast<Polarity>(get_enum(ar, "polarity", 2, "polarity (0-1)"));
            at("scale");
            r.scale = static_cast<Scale>(get_enum(ar, "scale", 4, "scale (0-3)"));
            at("name");
            const std::size_t before = net.relations().size();
            try {
                net.add_relation(r);
            } catch (const error& e) {
                in->fail(e.what());
            }
            if (net.relations().size() == before)
                in->fail("relation \"" + r.name + "\" is declared twice");
        }
    }
    // Version 2 and later end with the checksum of every field before it.
    template <class Ar>
    void check_sum(Ar& ar) {
        in->where = "checksum";
        const std::uint64_t computed = sum.value();
        std::uint64_t stored = 0;
        ar >> make_nvp(padded("checksum"), stored);
        if (stored != computed)
            in->fail("the archive is corrupted: its checksum is " + hex(stored) +
                     " but its contents sum to " + hex(computed) +
                     " (FNV-1a of the record; the file was damaged or edited after it was written)");
    }
    BOOST_SERIALIZATION_SPLIT_MEMBER()
};

} // namespace copnet::archive_detail

BOOST_CLASS_VERSION(copnet::archive_detail::Record, copnet::archive_version)
BOOST_CLASS_TRACKING(copnet::archive_detail::Record, boost::serialization::track_never)

namespace copnet {

using archive_detail::Loader;
using archive_detail::Record;
using archive_detail::ViewBuf;

std::string_view to_string(ArchiveKind kind) noexcept {
    switch (kind) {
    case ArchiveKind::text: return "text";
    case ArchiveKind::binary: return "binary";
    case ArchiveKind::xml: return "xml";
    }
    return "text";
}

ArchiveKind archive_kind_for(const std::filesystem::path& path) {
    const std::string ext = path.extension().string();
    if (detail::iequals(ext, ".txt")) return ArchiveKind::text;
    if (detail::iequals(ext, ".bin")) return ArchiveKind::binary;
    if (detail::iequals(ext, ".xml")) return ArchiveKind::xml;
    throw invalid_value("archive file \"" + path.string() + "\": extension \"" + ext +
                        "\" is not an archive kind (.txt text, .bin binary, .xml XML)");
}

void write_archive(const Network& net, std::ostream& out, ArchiveKind kind) {
    const Record record{&net, nullptr, nullptr, {}};
    constexpr unsigned flags = boost::archive::no_codecvt;
    try {
        switch (kind) {
        case ArchiveKind::text: {
            boost::archive::text_oarchive ar(out, flags);
            ar << boost::serialization::make_nvp("network", record);
            break;
        }
        case ArchiveKind::binary: {
            boost::archive::binary_oarchive ar(out, flags);
            ar << boost::serialization::make_nvp("network", record);
            break;
        }
        case ArchiveKind::xml: {
            boost::archive::xml_oarchive ar(out, flags);
            ar << boost::serialization::make_nvp("network", record);
            break;
        }
        }
    } catch (const boost::archive::archive_exception& e) {
        throw io_error("archive", std::string("cannot write the archive: ") + e.what());
    }
    if (!out) throw io_error("archive", "the output stream failed");
}

void write_archive(const Network& net, const std::filesystem::path& path, ArchiveKind kind) {
    std::ostringstream out(std::ios::binary);
    write_archive(net, out, kind);
    write_file_atomically(path, out.str());
}

namespace {

constexpr std::string_view signature = "serialization::archive";

/// Boost reads the archive header's signature as a length-prefixed std::string, allocating
/// whatever length a hostile header claims; so the header is checked here first. For XML the
/// header is parsed here and the archive is read with `no_header`: Boost's XML reader checks
/// the closing tag in its destructor, where a failure would terminate the program.
/// Returns the offset at which Boost should start reading.
std::size_t check_header(std::string_view bytes, ArchiveKind kind, const Loader& loader) {
    const auto bad = [&] {
        loader.fail("not a valid " + std::string(to_string(kind)) +
                    " archive (invalid signature: not written by copnet's write_archive)");
    };
    switch (kind) {
    case ArchiveKind::text:
        if (!bytes.starts_with("22 serialization::archive ")) bad();
        return 0;
    case ArchiveKind::binary: {
        if (bytes.size() < 8 + signature.size()) bad();
        std::uint64_t length = 0;
        for (int i = 7; i >= 0; --i)
            length = (length << 8) | static_cast<unsigned char>(bytes[static_cast<std::size_t>(i)]);
        if (length != signature.size() || bytes.substr(8, signature.size()) != signature) bad();
        return 0;
    }
    case ArchiveKind::xml: {
        constexpr std::string_view open = "<boost_serialization signature=\"serialization::archive\" version=\"";
        const auto at = bytes.find(open);
        if (at == std::string_view::npos || at > 200) bad();
        std::size_t pos = at + open.size();
        unsigned version = 0;
        std::size_t digits = 0;
        while (pos < bytes.size() && bytes[pos] >= '0' && bytes[pos] <= '9' && digits < 4) {
            version = version * 10 + static_cast<unsigned>(bytes[pos++] - '0');
            ++digits;
        }
        if (digits == 0 || bytes.substr(pos, 2) != "\">") bad();
        const boost::serialization::library_version_type boost_version =
            boost::archive::BOOST_ARCHIVE_VERSION();
        const std::uint_least16_t current = boost_version;
        if (version > current)
            loader.fail("archive written by a newer Boost.Serialization (library version " +
                        std::to_string(version) + ")");
        return pos + 2;
    }
    }
    return 0;
}

/// Rejects XML archives with a tag name longer than `max_tag` (see `padded`).
void check_tag_lengths(std::string_view body, const Loader& loader) {
    auto name_char = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
               c == ':' || c == '.' || c == '-' || static_cast<unsigned char>(c) >= 0x80;
    };
    for (std::size_t i = 0; i < body.size(); ++i) {
        if (body[i] != '<') continue;
        std::size_t j = i + 1;
        if (j < body.size() && body[j] == '/') ++j;
        const std::size_t start = j;
        while (j < body.size() && name_char(body[j])) ++j;
        if (j - start > archive_detail::max_tag)
            loader.fail("not a valid xml archive (a tag name longer than " +
                        std::to_string(archive_detail::max_tag) + " characters)");
        i = j - 1;
    }
}

/// After an XML archive's record: only `</boost_serialization>` and blanks may follow.
void check_xml_end(std::string_view rest, const Loader& loader) {
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!rest.empty() && blank(rest.front())) rest.remove_prefix(1);
    if (!rest.starts_with("</boost_serialization>")) loader.fail("not a valid xml archive (missing </boost_serialization>)");
    rest.remove_prefix(std::string_view("</boost_serialization>").size());
    while (!rest.empty() && blank(rest.front())) rest.remove_prefix(1);
    if (!rest.empty()) loader.fail("not a valid xml archive (text after </boost_serialization>)");
}

} // namespace

void parse_archive(Network& into, std::string_view bytes, ArchiveKind kind, std::string_view name) {
    Network net;
    const ViewBuf header_buf(bytes);
    Loader loader{bytes, &header_buf, kind, std::string(name)};
    const std::size_t start = check_header(bytes, kind, loader);
    const std::string_view body = bytes.substr(start);
    ViewBuf buf(body);
    std::istream is(&buf);
    // Positions count from `start`; the loader's view is the same suffix, so lines are offset
    // by the header's lines.
    const std::size_t header_lines =
        static_cast<std::size_t>(std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(start), '\n'));
    loader.bytes = body;
    loader.buf = &buf;
    loader.line_offset = header_lines;
    Record record{nullptr, &net, &loader, {}};
    constexpr unsigned flags = boost::archive::no_codecvt;
    if (kind == ArchiveKind::xml) check_tag_lengths(body, loader);
    try {
        switch (kind) {
        case ArchiveKind::text: {
            boost::archive::text_iarchive ar(is, flags);
            loader.where = "network";
            ar >> boost::serialization::make_nvp(archive_detail::padded("network"), record);
            break;
        }
        case ArchiveKind::binary: {
            boost::archive::binary_iarchive ar(is, flags);
            loader.where = "network";
            ar >> boost::serialization::make_nvp(archive_detail::padded("network"), record);
            break;
        }
        case ArchiveKind::xml: {
            boost::archive::xml_iarchive ar(is, flags | boost::archive::no_header);
            loader.where = "network";
            ar >> boost::serialization::make_nvp(archive_detail::padded("network"), record);
            break;
        }
        }
        if (kind == ArchiveKind::xml) check_xml_end(body.substr(std::min(body.size(), buf.position())), loader);
    } catch (const parse_error&) {
        throw;
    } catch (const error& e) {
        loader.fail(e.what());
    } catch (const boost::archive::archive_exception& e) {
        // The stream turns an exception inside an extraction (std::bad_alloc while reading a
        // number) into badbit, which nothing else here sets (ViewBuf only ends).
        if (is.bad()) loader.fail("out of memory while reading the input");
        loader.fail(std::string("not a valid ") + std::string(to_string(kind)) + " archive (" +
                    e.what() + ")");
    } catch (const std::bad_alloc&) {
        loader.fail("out of memory");
    } catch (const std::exception& e) {
        loader.fail(std::string("not a valid ") + std::string(to_string(kind)) + " archive (" +
                    e.what() + ")");
    } catch (...) {
        loader.fail("not a valid " + std::string(to_string(kind)) + " archive");
    }
    into = std::move(net);  // noexcept: all or nothing
}

void read_archive(Network& into, const std::filesystem::path& path, ArchiveKind kind) {
    const std::string bytes = read_file_bytes(path);
    parse_archive(into, bytes, kind, path.string());
}

Network read_archive(const std::filesystem::path& path, ArchiveKind kind) {
    Network net;
    read_archive(net, path, kind);
    return net;
}

} // namespace copnet
