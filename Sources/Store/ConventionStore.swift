import Domain
import GRDB

/// What a change of the convention does to one request: its outcome before and after.
public struct ConventionEffect: Hashable, Sendable {
    public var request: String
    public var member: String
    public var memberName: String
    /// For a rota cover, the absent agent whose rota it covers.
    public var rotaAgentName: String?
    public var start: CalendarDate
    public var before: Outcome?
    public var after: Outcome?

    public struct Outcome: Hashable, Sendable {
        public var status: DecisionStatus
        public var neededMinutes: Int
        public var servedMinutes: Int
        public var reasons: [ReasonCode]
    }

    /// "D-2026-031 Génelard : accordée 70:00 sur 70:00 → partielle 42:00 sur 56:00 (limitée à 14:00 par semaine)".
    public func text(_ l: Language, convention: Convention) -> String {
        func say(_ o: Outcome?) -> String {
            guard let o else { return l.pick("absente", "absent") }
            return "\(o.status.label(in: l)) \(DurationText.format(o.servedMinutes)) " + l.pick("sur", "of") + " \(DurationText.format(o.neededMinutes))"
        }
        let added = (after?.reasons ?? []).filter { r in !(before?.reasons ?? []).contains(r) }
            .filter { if case .sharedWith = $0 { return false }; if case .preemptedBy = $0 { return false }; return true }
            .map { $0.label(in: l, convention: convention) }
        let name = RequestName.say(request, memberName: memberName, rotaAgentName: rotaAgentName, start: start, l)
        return "\(name) : \(say(before)) → \(say(after))" + (added.isEmpty ? "" : " (\(added.joined(separator: " ; ")))")
    }
}

/// Why a change of the convention was refused; nothing was written.
public enum ConventionRefusal: Error, Hashable, Sendable, Localized {
    /// Someone else saved the service's settings since the form was opened: what they are now.
    case changedMeanwhile([String])
    /// `prorata_cost` shares a year's cost: it bills by year only.
    case prorataByYearOnly(BillingPeriod)

    public func message(in l: Language) -> String {
        switch self {
        case .changedMeanwhile(let now):
            return l.pick("la convention a été modifiée entre-temps (\(now.joined(separator: " ; "))) : rien n'a été enregistré, revoyez la modification",
                          "the convention was changed meanwhile (\(now.joined(separator: "; "))): nothing was saved, review the change")
        case .prorataByYearOnly(let period):
            return l.pick("la facturation au coût réel (prorata_cost) se fait à l'année : billing_period « \(period.label(l)) » impossible, rien n'a été enregistré",
                          "pro rata billing (prorata_cost) is by year: billing_period \"\(period.label(l))\" is not possible, nothing was saved")
        }
    }
}

extension AppDatabase {
    /// The service's settings as stored, its convention included.
    public func serviceSettings() throws -> ServiceSettings {
        try read { db in try TerritoryReader.service(db) }
    }

    /// What saving `service` would do to the requests: every request whose outcome (status,
    /// minutes needed or served, reasons) differs, in id order. Nothing is written.
    public func conventionEffects(of service: ServiceSettings) throws -> [ConventionEffect] {
        try Self.requireCoherent(service)
        return try read { db in try Self.effects(of: service, db).effects }
    }

    /// Saves the service's settings (a new convention, scheme or preset) in one transaction:
    /// the audit trail keeps the change and the plan is recomputed before the commit. `seen` is
    /// what the user changed from: when the stored settings differ from it, nothing is saved.
    /// A preset's tariffs: `tariffs` are written in the same transaction.
    @discardableResult
    public func saveService(_ service: ServiceSettings, seen: ServiceSettings, tariffs: [Tariff] = [],
                            language l: Language = .fr) throws -> [ConventionEffect] {
        try write { db in
            try Self.requireCoherent(service)
            let current = try TerritoryReader.service(db)
            if current != seen {
                throw ConventionRefusal.changedMeanwhile(Self.differences(from: seen, to: current, l))
            }
            let worked = try Self.effects(of: service, db)
            let writer = TerritoryWriter(db: db)
            try writer.writeService(service)
            for tariff in tariffs { try writer.writeTariff(tariff) }
            // The plan the effects were worked out from is the new plan: stored, not arbitrated again.
            try PlanStore.store(worked.plan, territory: worked.territory, db)
            return worked.effects
        }
    }

    /// The settings of `to` that differ from `from`, in words ("durée minimale (jours ouvrés) = 3").
    static func differences(from: ServiceSettings, to: ServiceSettings, _ l: Language) -> [String] {
        var said: [String] = []
        if from.billing != to.billing { said.append(l.pick("facturation = ", "billing = ") + to.billing.label(l)) }
        for key in Convention.Key.allCases where from.convention.value(key) != to.convention.value(key) {
            said.append("\(key.meaning(in: l)) = \(to.convention.displayValue(key, l))")
        }
        if from.conventionEnd != to.conventionEnd {
            said.append(l.pick("fin de la convention = ", "convention end = ")
                        + (to.conventionEnd.map { DisplayFormat(l).date($0) } ?? l.pick("aucune", "none")))
        }
        return said.isEmpty ? [l.pick("autres réglages du service", "other service settings")] : said
    }

    /// A scheme and a period that go together: `prorata_cost` shares a year's cost.
    static func requireCoherent(_ service: ServiceSettings) throws {
        if service.billing == .prorataCost, service.convention.billingPeriod != .year {
            throw ConventionRefusal.prorataByYearOnly(service.convention.billingPeriod)
        }
    }

    /// What `service` changes for each request, with the plan and territory it was worked out from.
    static func effects(of service: ServiceSettings, _ db: Database) throws -> (effects: [ConventionEffect], plan: Plan, territory: Territory) {
        var territory = try TerritoryReader.read(db, withHours: false, withOpeningHours: false)
        let before = Arbitration.plan(territory).decisions
        territory.service = service
        let plan = Arbitration.plan(territory)
        let after = plan.decisions
        func outcome(_ d: RequestDecision) -> ConventionEffect.Outcome {
            .init(status: d.status, neededMinutes: d.neededMinutes, servedMinutes: d.servedMinutes, reasons: d.reasons)
        }
        let old = Dictionary(before.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let new = Dictionary(after.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let names = territory.memberNames, agents = territory.agentNames
        let effects = Set(old.keys).union(new.keys).sorted { $0.precedesInByteOrder($1) }.compactMap { id -> ConventionEffect? in
            let b = old[id].map(outcome), a = new[id].map(outcome)
            guard b != a, let d = new[id] ?? old[id] else { return nil }
            return ConventionEffect(request: id, member: d.request.member, memberName: names[d.request.member] ?? d.request.member,
                                    rotaAgentName: d.isImplicit ? ImplicitRotaRequests.agent(of: id).map { agents[$0] ?? $0 } : nil,
                                    start: d.request.start, before: b, after: a)
        }
        return (effects, plan, territory)
    }
}

extension BillingScheme {
    /// The scheme as people say it.
    public func label(_ l: Language) -> String {
        switch self {
        case .feeAndHourly: return l.pick("cotisation et heures (jours prépayés)", "fee and hours (prepaid days)")
        case .prorataCost: return l.pick("coût réel partagé au prorata des heures", "real cost shared pro rata")
        case .dayRate: return l.pick("prix de journée et heures au-delà", "day rate and extra hours")
        case .agentCost: return l.pick("coût horaire de l'agent majoré", "agent's hourly cost, marked up")
        }
    }
}
