/// What kind of party organisation a body is, as provincial committees list them.
///
/// A provincial committee lists beside its districts the provincial agencies' bloc, the
/// enterprises' bloc, the police, military and border-guard committees and company committees;
/// `other` holds any body that is none of these. The raw value is the word written in
/// `bodies.yaml` (`kind: border-guard`) and kept as it is in the planners' feed.
public enum BodyKind: String, Sendable, CaseIterable {
    /// A provincial committee (Đảng bộ tỉnh).
    case province
    /// A provincial agencies' (or enterprises') bloc (Đảng bộ Khối các cơ quan tỉnh).
    case bloc
    /// A district or city committee (Đảng bộ huyện, thành phố).
    case district
    /// The provincial police committee (Đảng bộ Công an tỉnh).
    case police
    /// The provincial military committee (Đảng bộ Quân sự tỉnh).
    case military
    /// The provincial border-guard committee (Đảng bộ Bộ đội Biên phòng tỉnh).
    case borderGuard = "border-guard"
    /// A company's committee (Đảng bộ Công ty).
    case company
    /// A grassroots organisation (tổ chức cơ sở đảng).
    case grassroots
    /// Any other body.
    case other
}

/// An organisation that holds congresses and sets targets.
public struct Body: Hashable, Sendable {
    /// Stable id, e.g. `lang-son/khoi-cac-co-quan`.
    public var id: String
    /// Current Vietnamese name.
    public var name: String
    /// English name.
    public var nameEn: String
    /// Province it belongs to.
    public var province: String
    /// Its level.
    public var kind: BodyKind
    /// Renames, mergers and transfers, oldest first, so that a series follows the body, not its name.
    public var lineage: [LineageEvent]
    /// How its documents are headed and signed.
    public var letterhead: Letterhead
    /// The body it reports to (`parent:` in bodies.yaml): a bloc for each of its grassroots
    /// organisations. `chitieu form --for-each KIND` writes a form for each body whose parent is
    /// the term's body; nothing else follows from it.
    public var parent: String?

    /// Creates a body; without a letterhead, the one its name implies.
    public init(id: String, name: String, nameEn: String, province: String, kind: BodyKind, lineage: [LineageEvent] = [], letterhead: Letterhead? = nil, parent: String? = nil) {
        self.parent = parent
        self.letterhead = letterhead ?? Letterhead.derived(name: name, nameEn: nameEn, province: province, kind: kind)
        self.id = id
        self.name = name
        self.nameEn = nameEn
        self.province = province
        self.kind = kind
        self.lineage = lineage
    }

    /// The name in force at a date: the newest name given on or before it.
    public func name(at date: CalendarDate) -> String {
        lineage.filter { $0.date <= date && $0.name != nil }.last?.name ?? name
    }
}

/// A change in a body's history, with the source that records it.
public struct LineageEvent: Hashable, Sendable {
    /// What happened.
    public enum Kind: String, Sendable, CaseIterable {
        /// The body was founded.
        case formed
        /// It was given a new name.
        case renamed
        /// Other bodies were merged to form it, or it was re-formed.
        case merged
        /// Organisations and members were moved in (or out) from other bodies.
        case transfer
        /// It was dissolved.
        case dissolved
    }

    /// When.
    public var date: CalendarDate
    /// What happened.
    public var kind: Kind
    /// The name it took, if any.
    public var name: String?
    /// The decision or the words of the source.
    public var quote: String
    /// The source id.
    public var source: String

    /// Creates an event.
    public init(date: CalendarDate, kind: Kind, name: String?, quote: String, source: String) {
        self.date = date
        self.kind = kind
        self.name = name
        self.quote = quote
        self.source = source
    }
}
