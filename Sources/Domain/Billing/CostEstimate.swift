/// One line of a cost estimate: what the documents print under "Calcul du coût prévisionnel"
/// and `releve estimate --format json` lists under `lines`.
public struct EstimateLine: Hashable, Sendable {
    public enum Kind: String, Sendable {
        /// fee_and_hourly: needed hours the prepaid days of the fee absorb (amount 0).
        case prepaid
        /// fee_and_hourly: hours billed at the hourly rate.
        case hours
        /// day_rate: the part of each day up to the day length, at the day rate.
        case day
        /// day_rate: the part of each day beyond the day length, at the extra hourly rate.
        case extra
        /// agent_cost: one planned agent's minutes × hourly cost × coefficient.
        case cost
        /// agent_cost: minutes the plan gives no agent yet, at the agents' average hourly cost.
        case unserved
        /// agent_cost: the payslip fee per (agent, month).
        case fee
        /// prorata_cost: the hours the mission needs, shared at year end (no amount before).
        case share
    }

    public var kind: Kind
    /// Nil for a fee line.
    public var minutes: Int?
    /// Nil when no price is known (prorata_cost).
    public var unitPriceCents: Int?
    /// Nil when no amount is known (prorata_cost).
    public var amountCents: Int?
    /// The agent's name (`cost`).
    public var agentName: String?
    /// The agent's hourly cost (`cost`), the agents' average hourly cost (`unserved`), the hourly
    /// rate (`hours`, `prepaid`), the day rate (`day`), the extra hourly rate (`extra`), the fee per agent-month (`fee`).
    public var baseCents: Int?
    /// Days (`day`, `extra`) or agent-months (`fee`).
    public var count: Int?
    /// The coefficient in hundredths (`cost`, `unserved`).
    public var coefficientHundredths: Int?
    /// The minutes of a day (`day`, `extra`: the day length).
    public var dayMinutes: Int?

    public init(kind: Kind, minutes: Int?, unitPriceCents: Int?, amountCents: Int?, agentName: String? = nil,
                baseCents: Int? = nil, count: Int? = nil, coefficientHundredths: Int? = nil, dayMinutes: Int? = nil) {
        self.kind = kind
        self.minutes = minutes
        self.unitPriceCents = unitPriceCents
        self.amountCents = amountCents
        self.agentName = agentName
        self.baseCents = baseCents
        self.count = count
        self.coefficientHundredths = coefficientHundredths
        self.dayMinutes = dayMinutes
    }

    /// What the line is, in words ("12 journées × 3 h 30 (journée de 6 h à 250,00 €)").
    public func label(_ l: Language) -> String {
        let f = DisplayFormat(l)
        let fr = l == .fr
        let coefficient = coefficientHundredths.map { AgentCostRate(coefficientHundredths: $0, monthlyAgentFeeCents: 0).coefficientText(f) } ?? ""
        let base = f.money(baseCents ?? 0)
        let n = count ?? 0
        switch kind {
        case .prepaid:
            return fr ? "Heures prises sur les jours prépayés de la cotisation (non facturées)"
                : "Hours from the fee's prepaid days (not billed)"
        case .hours:
            return fr ? "Heures facturables à \(base) de l'heure" : "Billable hours at \(base) an hour"
        case .day:
            let each = n > 0 ? (minutes ?? 0) / n : 0
            return fr ? "\(n) journée\(n > 1 ? "s" : "") × \(f.hours(each)) (journée de \(f.hours(dayMinutes ?? 0)) à \(base))"
                : "\(n) day\(n > 1 ? "s" : "") × \(f.hours(each)) (a \(f.hours(dayMinutes ?? 0)) day at \(base))"
        case .extra:
            let each = n > 0 ? (minutes ?? 0) / n : 0
            return fr ? "Heures au-delà de la journée : \(n) × \(f.hours(each)) à \(base) l'heure"
                : "Hours beyond the day: \(n) × \(f.hours(each)) at \(base) an hour"
        case .cost:
            let name = agentName ?? "?"
            return fr ? "Coût \(DisplayFormat.de(name)) : \(base) de l'heure × \(coefficient)"
                : "\(name)'s cost: \(base) an hour × \(coefficient)"
        case .unserved:
            return fr ? "Heures sans agent désigné : coût horaire moyen des agents (\(base)) × \(coefficient)"
                : "Hours with no agent named yet: the agents' average hourly cost (\(base)) × \(coefficient)"
        case .fee:
            return fr ? "Frais de bulletin de paie : \(n) mois-agent × \(base)"
                : "Payslip fee: \(n) agent-month\(n > 1 ? "s" : "") × \(base)"
        case .share:
            return fr ? "Heures prévues, coût réel partagé en fin d'année au prorata des heures"
                : "Hours planned, real cost shared at year end pro rata of the hours"
        }
    }
}

/// What an estimate needs and the data lacks: said in words, with how to add it.
public enum CostEstimateMissing: Hashable, Sendable, Error {
    /// The request's year has no tariff at all.
    case noTariff(year: Int)
    /// The year's tariff lacks the amounts the scheme needs (day rate, or coefficient and fee).
    case incompleteTariff(year: Int, scheme: BillingScheme)
    /// agent_cost: these agents are planned but have no hourly cost (by name); empty when the
    /// minutes no agent serves yet cannot be priced because no agent has one.
    case hourlyCost(agents: [String])

    public func message(_ l: Language) -> String {
        switch self {
        case .noTariff(let year):
            return l.pick("aucun tarif pour \(year) : dans l'interface, volet Factures (6), année \(year), touche T (le formulaire reprend le tarif de l'année d'avant), ou tariffs[] du fichier releve/1",
                          "no tariff for \(year): in the interface, Invoices pane (6), year \(year), key T (the form starts from the year before's), or tariffs[] of the releve/1 file")
        case .incompleteTariff(let year, let scheme):
            let preset = scheme == .dayRate ? "cdg63" : "cdg03"
            return DataProblem.tariffIncomplete(year: year, scheme: scheme).message(in: l)
                + l.pick(" : saisissez-les dans le tarif \(year) (volet Factures, touche T), ou dans tariffs[] du fichier releve/1, ou releve convention preset \(preset) qui complète le tarif",
                         ": enter them in the \(year) tariff (Invoices pane, key T), or in tariffs[] of the releve/1 file, or releve convention preset \(preset), which completes the tariff")
        case .hourlyCost(let agents):
            let who = agents.joined(separator: ", ")
            return agents.isEmpty
                ? l.pick("aucun agent n'a de coût horaire : renseignez hourly_cost des agents dans agents[] du fichier releve/1 (facturation au coût de l'agent)",
                         "no agent has an hourly cost: set the agents' hourly_cost in agents[] of the releve/1 file (agent-cost billing)")
                : l.pick("coût horaire inconnu pour \(who) : renseignez hourly_cost de l'agent dans agents[] du fichier releve/1 (facturation au coût de l'agent)",
                         "unknown hourly cost for \(who): set the agent's hourly_cost in agents[] of the releve/1 file (agent-cost billing)")
        }
    }
}

/// The cost estimate (coût prévisionnel) shown before a mission (rules.md §6.1), under the
/// service's billing scheme (§6.1, §6.2, §6.4, §6.5), to the cent, with its breakdown.
public struct CostEstimate: Hashable, Sendable {
    public var request: String
    public var member: String
    public var year: Int
    public var scheme: BillingScheme
    public var neededMinutes: Int
    /// fee_and_hourly: the member's prepaid minutes still unused that year; 0 under the other schemes.
    public var prepaidMinutesLeft: Int
    /// The minutes the estimate prices (after prepaid hours under fee_and_hourly).
    public var billedMinutes: Int
    /// fee_and_hourly's hourly rate; nil under the schemes without one.
    public var hourlyRateCents: Int?
    /// Nil when no amount can be known before the mission (prorata_cost: the cost is shared at year end).
    public var amountCents: Int?
    public var lines: [EstimateLine]
    /// A year without a fee (fee_and_hourly): no prepaid hours.
    public var feeExempt: Bool
    public var dayRate: DayRate?
    public var agentCost: AgentCostRate?

    public init(request: String, member: String, year: Int, scheme: BillingScheme, neededMinutes: Int, prepaidMinutesLeft: Int,
                billedMinutes: Int, hourlyRateCents: Int?, amountCents: Int?, lines: [EstimateLine], feeExempt: Bool = false,
                dayRate: DayRate? = nil, agentCost: AgentCostRate? = nil) {
        self.request = request
        self.member = member
        self.year = year
        self.scheme = scheme
        self.neededMinutes = neededMinutes
        self.prepaidMinutesLeft = prepaidMinutesLeft
        self.billedMinutes = billedMinutes
        self.hourlyRateCents = hourlyRateCents
        self.amountCents = amountCents
        self.lines = lines
        self.feeExempt = feeExempt
        self.dayRate = dayRate
        self.agentCost = agentCost
    }

    /// A fee_and_hourly estimate (rules.md §6.1), its lines made from its figures.
    public init(request: String, member: String, year: Int, neededMinutes: Int, prepaidMinutesLeft: Int,
                billedMinutes: Int, hourlyRateCents: Int, amountCents: Int, feeExempt: Bool = false) {
        var lines: [EstimateLine] = []
        let absorbed = neededMinutes - billedMinutes
        if absorbed > 0 {
            lines.append(EstimateLine(kind: .prepaid, minutes: absorbed, unitPriceCents: hourlyRateCents, amountCents: 0,
                                      baseCents: hourlyRateCents))
        }
        lines.append(EstimateLine(kind: .hours, minutes: billedMinutes, unitPriceCents: hourlyRateCents, amountCents: amountCents,
                                  baseCents: hourlyRateCents))
        self.init(request: request, member: member, year: year, scheme: .feeAndHourly, neededMinutes: neededMinutes,
                  prepaidMinutesLeft: prepaidMinutesLeft, billedMinutes: billedMinutes, hourlyRateCents: hourlyRateCents,
                  amountCents: amountCents, lines: lines, feeExempt: feeExempt)
    }

    /// The scheme's basis in words, as every document states it: "30,00 € de l'heure après les
    /// heures prépayées de la cotisation", "250,00 € la journée de 6 h, 50,00 € l'heure
    /// au-delà", "coût horaire de l'agent × 1,40, 25,00 € par agent et par mois (bulletin de
    /// paie)", "coût réel de l'agent partagé en fin d'année au prorata des heures".
    public func basis(_ l: Language) -> String {
        Self.basis(scheme: scheme, hourlyRateCents: hourlyRateCents, feeExempt: feeExempt, dayRate: dayRate, agentCost: agentCost, l)
    }

    /// The basis of `scheme` under `tariff` (the words of `basis(_:)`); nil when the tariff lacks
    /// the scheme's amounts.
    public static func basis(scheme: BillingScheme, tariff: Tariff?, _ l: Language) -> String? {
        switch scheme {
        case .feeAndHourly: guard let tariff else { return nil }
        case .dayRate: guard tariff?.dayRate != nil else { return nil }
        case .agentCost: guard tariff?.agentCost != nil else { return nil }
        case .prorataCost: break
        }
        return basis(scheme: scheme, hourlyRateCents: tariff?.hourlyRateCents, feeExempt: tariff?.feeExempt ?? false,
                     dayRate: tariff?.dayRate, agentCost: tariff?.agentCost, l)
    }

    static func basis(scheme: BillingScheme, hourlyRateCents: Int?, feeExempt: Bool, dayRate: DayRate?, agentCost: AgentCostRate?,
                      _ l: Language) -> String {
        let f = DisplayFormat(l)
        switch scheme {
        case .feeAndHourly:
            let rate = f.money(hourlyRateCents ?? 0)
            return feeExempt ? l.pick("\(rate) de l'heure (année sans cotisation)", "\(rate) an hour (a year without fee)")
                : l.pick("\(rate) de l'heure après les heures prépayées de la cotisation", "\(rate) an hour after the fee's prepaid hours")
        case .dayRate: return dayRate?.basis(f) ?? ""
        case .agentCost: return agentCost?.basis(f) ?? ""
        case .prorataCost:
            return l.pick("coût réel de l'agent partagé en fin d'année au prorata des heures",
                          "the agent's real cost shared at year end pro rata of the hours")
        }
    }

    /// What the breakdown needs said besides its lines: under prorata_cost why there is no
    /// amount; under agent_cost how hours without an agent are priced.
    public func notes(_ l: Language) -> [String] {
        var notes: [String] = []
        if scheme == .prorataCost {
            notes.append(l.pick("Aucun montant ne peut être connu avant la fin de l'année : le coût réel de chaque agent (salaire, "
                                + "charges, formation, déplacements) sera partagé entre les membres au prorata des heures validées "
                                + "effectuées pour chacun.",
                                "No amount can be known before year end: each agent's real cost (salary, charges, training, travel) "
                                + "will be shared among the members pro rata of the validated hours worked for each."))
        }
        if let unserved = lines.first(where: { $0.kind == .unserved }), let minutes = unserved.minutes {
            let f = DisplayFormat(l)
            notes.append(l.pick("\(f.hours(minutes)) ne sont encore attribuées à aucun agent : elles sont estimées au coût horaire "
                                + "moyen des agents du service qui en ont un (\(f.money(unserved.baseCents ?? 0))).",
                                "\(f.hours(minutes)) are not given to any agent yet: they are estimated at the average hourly cost "
                                + "of the service's agents that have one (\(f.money(unserved.baseCents ?? 0)))."))
        }
        return notes
    }

    /// The estimate of `decision` under the service's scheme, or what it lacks; nil for a
    /// refused request (it costs nothing).
    public static func evaluate(for decision: RequestDecision, territory: Territory) -> Result<CostEstimate, CostEstimateMissing>? {
        guard decision.status != .refused else { return nil }
        let year = decision.request.start.year
        let scheme = territory.service.billing
        guard let member = territory.members.first(where: { $0.code == decision.request.member }) else { return nil }
        let tariff = territory.tariffs.first { $0.year == year }
        let needed = decision.neededMinutes
        func estimate(billed: Int, amount: Int?, lines: [EstimateLine]) -> CostEstimate {
            CostEstimate(request: decision.id, member: member.code, year: year, scheme: scheme, neededMinutes: needed,
                         prepaidMinutesLeft: 0, billedMinutes: billed, hourlyRateCents: nil, amountCents: amount, lines: lines,
                         feeExempt: tariff?.feeExempt ?? false, dayRate: tariff?.dayRate, agentCost: tariff?.agentCost)
        }
        switch scheme {
        case .feeAndHourly:
            // (needed minutes − the member's prepaid minutes still unused that year, not below 0)
            // × hourly rate / 60, rounded half up.
            guard let tariff else { return .failure(.noTariff(year: year)) }
            let prepaid = tariff.feeExempt ? 0 : (tariff.band(for: member.population)?.prepaidDays ?? 0) * tariff.minutesPerDay
            let used = territory.timeEntries.filter { $0.member == member.code && $0.validated && $0.date.year == year }
                .reduce(0) { $0 + $1.minutes }
            let left = max(0, prepaid - used)
            let billed = max(0, needed - left)
            return .success(CostEstimate(request: decision.id, member: member.code, year: year, neededMinutes: needed,
                                         prepaidMinutesLeft: left, billedMinutes: billed, hourlyRateCents: tariff.hourlyRateCents,
                                         amountCents: Billing.amount(minutes: billed, rateCents: tariff.hourlyRateCents),
                                         feeExempt: tariff.feeExempt))

        case .prorataCost:
            // The real cost is shared at year end: no amount before, never a made-up one.
            return .success(estimate(billed: needed, amount: nil, lines: [
                EstimateLine(kind: .share, minutes: needed, unitPriceCents: nil, amountCents: nil),
            ]))

        case .dayRate:
            guard let tariff else { return .failure(.noTariff(year: year)) }
            guard let rate = tariff.dayRate, rate.dayMinutes > 0 else { return .failure(.incompleteTariff(year: year, scheme: scheme)) }
            // Each working day needs the daily need: min(daily, day length) on the day line, the rest beyond.
            let daily = decision.isImplicit ? decision.request.dailyNeed : territory.service.convention.dailyNeed(decision.request)
            let days = daily > 0 ? needed / daily : 0
            let onDay = days * min(daily, rate.dayMinutes), beyond = days * max(0, daily - rate.dayMinutes)
            var lines = [EstimateLine(kind: .day, minutes: onDay, unitPriceCents: rate.dayRateCents,
                                      amountCents: Billing.amount(minutes: onDay, rateCents: rate.dayRateCents, per: rate.dayMinutes),
                                      baseCents: rate.dayRateCents, count: days, dayMinutes: rate.dayMinutes)]
            if beyond > 0 {
                lines.append(EstimateLine(kind: .extra, minutes: beyond, unitPriceCents: rate.extraHourlyRateCents,
                                          amountCents: Billing.amount(minutes: beyond, rateCents: rate.extraHourlyRateCents),
                                          baseCents: rate.extraHourlyRateCents, count: days, dayMinutes: rate.dayMinutes))
            }
            return .success(estimate(billed: onDay + beyond, amount: lines.reduce(0) { $0 + ($1.amountCents ?? 0) }, lines: lines))

        case .agentCost:
            guard let tariff else { return .failure(.noTariff(year: year)) }
            guard let rate = tariff.agentCost else { return .failure(.incompleteTariff(year: year, scheme: scheme)) }
            let calendar = territory.service.calendar
            let agents = Dictionary(territory.agents.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
            // The plan's periods: minutes per day × working days, per agent; (agent, month) pairs for the fee.
            var minutes: [String: Int] = [:]
            var months = Set<String>()
            for p in decision.periods where p.minutesPerDay > 0 {
                let days = calendar.workingDayCount(from: p.from, to: p.to)
                guard days > 0 else { continue }
                minutes[p.agent, default: 0] += p.minutesPerDay * days
                var start = CalendarDate(year: p.from.year, month: p.from.month, day: 1) ?? p.from
                while start <= p.to {
                    let next = start.addingMonths(1)
                    if calendar.workingDayCount(from: max(start, p.from), to: min(next.adding(days: -1), p.to)) > 0 {
                        months.insert("\(p.agent)\u{1F}\(start.year)-\(start.month)")
                    }
                    start = next
                }
            }
            let missing = minutes.keys.compactMap { agents[$0] }.filter { $0.hourlyCostCents == nil }.map(\.name).sorted()
            guard missing.isEmpty else { return .failure(.hourlyCost(agents: missing)) }
            var lines: [EstimateLine] = []
            for code in minutes.keys.sorted(by: { $0.precedesInByteOrder($1) }) {
                guard let worked = minutes[code], let cost = agents[code]?.hourlyCostCents else { continue }
                lines.append(EstimateLine(kind: .cost, minutes: worked,
                                          unitPriceCents: Billing.amount(minutes: 60 * rate.coefficientHundredths, rateCents: cost, per: 6000),
                                          amountCents: Billing.amount(minutes: worked * rate.coefficientHundredths, rateCents: cost, per: 6000),
                                          agentName: agents[code]?.name ?? code, baseCents: cost, coefficientHundredths: rate.coefficientHundredths))
            }
            let planned = minutes.values.reduce(0, +)
            let unserved = max(0, needed - planned)
            if unserved > 0 {
                // Priced at the average hourly cost of the agents that have one, rounded half up to the cent.
                let costs = territory.agents.compactMap(\.hourlyCostCents)
                guard !costs.isEmpty else { return .failure(.hourlyCost(agents: [])) }
                let average = (costs.reduce(0, +) * 2 + costs.count) / (costs.count * 2)
                lines.append(EstimateLine(kind: .unserved, minutes: unserved,
                                          unitPriceCents: Billing.amount(minutes: 60 * rate.coefficientHundredths, rateCents: average, per: 6000),
                                          amountCents: Billing.amount(minutes: unserved * rate.coefficientHundredths, rateCents: average, per: 6000),
                                          baseCents: average, coefficientHundredths: rate.coefficientHundredths))
            }
            if rate.monthlyAgentFeeCents > 0, !months.isEmpty {
                lines.append(EstimateLine(kind: .fee, minutes: nil, unitPriceCents: rate.monthlyAgentFeeCents,
                                          amountCents: months.count * rate.monthlyAgentFeeCents,
                                          baseCents: rate.monthlyAgentFeeCents, count: months.count))
            }
            return .success(estimate(billed: planned + unserved, amount: lines.reduce(0) { $0 + ($1.amountCents ?? 0) }, lines: lines))
        }
    }

    /// The estimate of `decision`; nil when it is refused or the data lacks what the scheme
    /// needs (`evaluate` says what).
    public static func make(for decision: RequestDecision, territory: Territory) -> CostEstimate? {
        try? evaluate(for: decision, territory: territory)?.get()
    }
}
