import Domain

/// The service's convention (rules.md §7) in a form: its billing scheme, each setting, its end
/// date, and a model to start from. Enter shows what the change does to the requests; a second
/// Enter on the same values saves it (coordinator only, audited, the plan recomputed).
public struct ConventionFormState: Sendable, Equatable {
    /// The settings as they were when the form opened: saving is refused if they changed since.
    public var seen: ServiceSettings
    public var fields: [FormField]
    public var focus = 0
    public var problems: [Int: String] = [:]
    public var modified = false
    public var confirmingCancel = false
    /// What saving `previewed` would do to the requests, in words; nil until computed.
    public var preview: [String]?
    public var previewed: ServiceSettings?
    /// The first preview line shown (↑ ↓ PgSuiv PgPréc scroll them).
    public var previewScroll = 0
    /// The preview is on screen instead of the fields (Enter saves, Tab goes back to them).
    public var showingPreview = false
    public var error: String?
    /// Said under the fields (a model applied, the preview being computed).
    public var notice: String?

    public init(seen: ServiceSettings, language l: Language) {
        self.seen = seen
        fields = Self.fields(seen, l)
    }

    /// Field 0 is the model; then the scheme; then each setting of rules.md §7; then the end date.
    static func fields(_ s: ServiceSettings, _ l: Language) -> [FormField] {
        [FormField(l.pick("Partir du modèle (vide : non)", "Start from preset (empty: no)")),
         FormField(l.pick("Facturation", "Billing"), s.billing.rawValue)]
            + Convention.Key.allCases.map { key in FormField(key.meaning(in: l), typedValue(s.convention, key, l)) }
            + [FormField(l.pick("Fin de la convention (vide : aucune)", "End of the convention (empty: none)"),
                         s.conventionEnd.map { DisplayFormat(l).numericDate($0) } ?? "")]
    }

    /// What the field at `index` takes, said under the fields while it has the focus.
    static func expected(_ index: Int, fieldCount: Int, _ l: Language) -> String {
        if index == 0 { return l.pick("cucm, oisans, val-de-drome, cdg63, cdg03, cdg51 : Entrée remplit", "cucm, oisans, val-de-drome, cdg63, cdg03, cdg51: Enter fills in") }
        if index == 1 { return l.pick("fee_and_hourly, prorata_cost, day_rate ou agent_cost", "fee_and_hourly, prorata_cost, day_rate or agent_cost") }
        if index == fieldCount - 1 { return l.pick("une date JJ/MM/AAAA, ou vide", "a date DD/MM/YYYY, or empty") }
        let keys = Convention.Key.allCases
        return keys.indices.contains(index - 2) ? keys[index - 2].expected(in: l) : ""
    }

    /// A setting as the form shows it, in the words `Convention.set(_:typed:)` reads back.
    static func typedValue(_ c: Convention, _ key: Convention.Key, _ l: Language) -> String {
        switch c.value(key) {
        case .integer(let n): return String(n)
        case .bool(let b): return b ? l.pick("oui", "yes") : l.pick("non", "no")
        case .null: return l.pick("aucun", "none")
        case .text(let t):
            guard key == .billingPeriod else { return t }
            switch c.billingPeriod {
            case .year: return l.pick("année", "year")
            case .month: return l.pick("mois", "month")
            case .mission: return "mission"
            }
        }
    }
}
