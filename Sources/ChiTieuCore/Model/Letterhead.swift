/// The header and signature of a body's documents, as Hướng dẫn 36-HD/VPTW (2018) lays out a
/// Party document: the superior body and the issuing body at the top left, "ĐẢNG CỘNG SẢN VIỆT
/// NAM" at the top right, the number and symbol, the place, and at the end the signature block
/// and the recipients.
///
/// `bodies.yaml` may give each part under `letterhead:`; what it leaves out is derived from the
/// body (`Letterhead.derived`), because an office's exact wording is not something to guess from a
/// name when it can be written down once.
public struct Letterhead: Hashable, Sendable {
    /// The line every Party document carries at the top right.
    public static let partyLine = "ĐẢNG CỘNG SẢN VIỆT NAM"
    /// Its English rendering, for `--lang en`.
    public static let partyLineEn = "COMMUNIST PARTY OF VIETNAM"

    /// The superior body in capitals ("ĐẢNG BỘ TỈNH LẠNG SƠN"); nil when the issuing body has no
    /// line above it.
    public var superior: String?
    /// The issuing body in capitals ("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH").
    public var issuer: String
    /// The symbol after the document's number ("ĐUK" → "Số      -BC/ĐUK").
    public var symbol: String
    /// The place of the date line ("Lạng Sơn").
    public var place: String
    /// On whose behalf the report is signed ("T/M BAN THƯỜNG VỤ").
    public var signedFor: String
    /// The signer's title ("BÍ THƯ").
    public var signerTitle: String
    /// The "Nơi nhận" list.
    public var recipients: [String]
    /// The superior body in English.
    public var superiorEn: String?
    /// The issuing body in English.
    public var issuerEn: String
    /// "On behalf of the Standing Committee".
    public var signedForEn: String
    /// "Secretary".
    public var signerTitleEn: String
    /// The recipients in English.
    public var recipientsEn: [String]

    /// Creates a letterhead.
    public init(
        superior: String?, issuer: String, symbol: String, place: String,
        signedFor: String = "T/M BAN THƯỜNG VỤ", signerTitle: String = "BÍ THƯ", recipients: [String] = ["Lưu Văn phòng"],
        superiorEn: String? = nil, issuerEn: String, signedForEn: String = "ON BEHALF OF THE STANDING COMMITTEE",
        signerTitleEn: String = "SECRETARY", recipientsEn: [String] = ["Office archive"]
    ) {
        self.superior = superior
        self.issuer = issuer
        self.symbol = symbol
        self.place = place
        self.signedFor = signedFor
        self.signerTitle = signerTitle
        self.recipients = recipients
        self.superiorEn = superiorEn
        self.issuerEn = issuerEn
        self.signedForEn = signedForEn
        self.signerTitleEn = signerTitleEn
        self.recipientsEn = recipientsEn
    }

    /// The letterhead a body's own name implies when `bodies.yaml` gives none: the committee
    /// ("Đảng ủy", "Tỉnh ủy") issues for the congress's body ("Đảng bộ"); a body below a province
    /// has the province's committee above it. Every part can be overridden in `bodies.yaml`.
    public static func derived(name: String, nameEn: String, province: String, kind: BodyKind) -> Letterhead {
        let issuer: String
        if kind == .province {
            issuer = "TỈNH ỦY " + province.uppercased()
        } else if name.hasPrefix("Đảng bộ ") {
            issuer = "ĐẢNG ỦY " + String(name.dropFirst("Đảng bộ ".count)).uppercased()
        } else {
            issuer = name.uppercased()
        }
        let superior: String? = kind == .province || province.isEmpty ? nil : "ĐẢNG BỘ TỈNH " + province.uppercased()
        let symbol = kind == .province ? "TU" : "ĐU"
        return Letterhead(
            superior: superior, issuer: issuer, symbol: symbol, place: province,
            recipients: kind == .province ? ["Lưu Văn phòng Tỉnh ủy"] : ["Lưu Văn phòng"],
            superiorEn: superior == nil ? nil : province + " Provincial Party Organisation", issuerEn: nameEn + " Committee")
    }
}

/// Page margins of a printed document, in millimetres.
///
/// 36-HD/VPTW does not fix margins in its own text; provincial handbooks give about 25 mm top and
/// bottom, 30–35 mm left and 15–20 mm right on A4. The writers take this as a setting with that
/// default rather than a rule baked in.
public struct PageMargins: Hashable, Sendable {
    /// Top margin, mm.
    public var top: Int
    /// Bottom margin, mm.
    public var bottom: Int
    /// Left (binding) margin, mm.
    public var left: Int
    /// Right margin, mm.
    public var right: Int

    /// Creates margins.
    public init(top: Int, bottom: Int, left: Int, right: Int) {
        self.top = top
        self.bottom = bottom
        self.left = left
        self.right = right
    }

    /// A provincial handbook's A4 margins for Party documents: 25 / 25 / 30 / 15 mm.
    public static let partyDefault = PageMargins(top: 25, bottom: 25, left: 30, right: 15)
}

/// A field of work (lĩnh vực) that groups targets in a results annex: "Công tác chính trị, tư
/// tưởng", "Công tác tổ chức, cán bộ và xây dựng Đảng"… Defined in the catalogue's `fields:`
/// list, whose order (`rank`) is the annex's.
public struct TargetField: Hashable, Sendable {
    /// Stable id.
    public var id: String
    /// Vietnamese name.
    public var name: String
    /// English name.
    public var nameEn: String
    /// Position in the catalogue's list, 0 first.
    public var rank: Int

    /// Creates a field.
    public init(id: String, name: String, nameEn: String, rank: Int) {
        self.id = id
        self.name = name
        self.nameEn = nameEn
        self.rank = rank
    }
}
