/// One line of an invoice (rules.md §6): a fee, billed hours, hours absorbed by prepaid days,
/// RTT accrued on a long mission, or a share of an agent's real cost.
public struct InvoiceLine: Hashable, Sendable {
    /// `day` and `extra` (§6.4), `complement` (§6.6) and `loan` (§11) besides seed 002's.
    public enum Kind: String, Sendable { case fee, hours, prepaid, rtt, cost, day, extra, complement, loan }

    public var kind: Kind
    public var label: String
    /// Nil for a fee.
    public var minutes: Int?
    public var unitPriceCents: Int
    public var amountCents: Int
    /// The agent of a `cost` line (§6.5); nil otherwise.
    public var agent: String?

    public init(kind: Kind, label: String, minutes: Int?, unitPriceCents: Int, amountCents: Int, agent: String? = nil) {
        self.kind = kind
        self.label = label
        self.minutes = minutes
        self.unitPriceCents = unitPriceCents
        self.amountCents = amountCents
        self.agent = agent
    }
}

/// An invoice before it is issued (a titre de recettes of the dry run).
public struct InvoiceDraft: Hashable, Sendable {
    public enum Kind: String, Sendable { case annualFee = "annual_fee", hours, prorataCost = "prorata_cost" }

    public var member: String
    public var kind: Kind
    /// The mission, for hours invoices; nil for hours without a mission (grouped per member and year).
    public var request: String?
    public var lines: [InvoiceLine]
    /// The hours statement: every validated entry the invoice is based on (for a complement,
    /// with the minutes not billed before).
    public var statement: [TimeEntry]
    /// The billing period it belongs to (rules.md §6.6): nil for a year, `2026-03` for a month,
    /// `mission` for a mission billed once it has ended.
    public var period: String?
    /// Hours added to a period already billed, billed once on `complement` lines.
    public var complement: Bool

    public init(member: String, kind: Kind, request: String?, lines: [InvoiceLine], statement: [TimeEntry],
                period: String? = nil, complement: Bool = false) {
        self.member = member
        self.kind = kind
        self.request = request
        self.lines = lines
        self.statement = statement
        self.period = period
        self.complement = complement
    }

    public var totalCents: Int { lines.reduce(0) { $0 + $1.amountCents } }
}

/// The billing of one year (rules.md §6), a pure function of the territory: same data, same
/// numbers, to the cent.
public enum Billing {
    /// `minutes × rate / 60`, rounded half up to the cent.
    public static func amount(minutes: Int, rateCents: Int) -> Int {
        (minutes * rateCents * 2 + 60) / 120
    }

    /// Every invoice of `year`: members in code order, then by kind and mission.
    public static func run(_ territory: Territory, year: Int) -> [InvoiceDraft] {
        run(territory, year: year, input: BillingInput(entries: validatedEntries(territory, year: year)))
    }

    /// The invoices of one run (rules.md §6.6): `input` holds the hours still to bill in the
    /// run's period (by member), the prepaid minutes earlier invoices of the year absorbed, and
    /// whether annual fees are billed.
    public static func run(_ territory: Territory, year: Int, input: BillingInput) -> [InvoiceDraft] {
        let drafts: [InvoiceDraft]
        switch territory.service.billing {
        case .feeAndHourly: drafts = feeAndHourly(territory, year: year, input: input)
        case .prorataCost: drafts = prorataCost(territory, year: year, entries: input.entries)
        case .dayRate: drafts = dayRate(territory, year: year, entries: input.entries, billed: input.billedPerAgentDay)
        case .agentCost: drafts = agentCost(territory, year: year, entries: input.entries, feeMonthsBilled: input.feeMonthsBilled)
        }
        let kindOrder: [InvoiceDraft.Kind: Int] = [.annualFee: 0, .hours: 1, .prorataCost: 2]
        return drafts.sorted {
            if $0.member != $1.member { return $0.member.precedesInByteOrder($1.member) }
            if $0.kind != $1.kind { return (kindOrder[$0.kind] ?? 0) < (kindOrder[$1.kind] ?? 0) }
            return ($0.request ?? "").precedesInByteOrder($1.request ?? "")
        }
    }

    /// 1 January and 31 December of `year`.
    public static func yearBounds(_ year: Int) -> (CalendarDate, CalendarDate) {
        (CalendarDate(year: year, month: 1, day: 1) ?? CalendarDate(dayNumber: 0),
         CalendarDate(year: year, month: 12, day: 31) ?? CalendarDate(dayNumber: 0))
    }

    /// Validated entries of `year`, by member.
    static func validatedEntries(_ territory: Territory, year: Int) -> [String: [TimeEntry]] {
        var byMember: [String: [TimeEntry]] = [:]
        for entry in territory.timeEntries where entry.validated && entry.date.year == year {
            byMember[entry.member, default: []].append(entry)
        }
        return byMember
    }

    // MARK: - fee_and_hourly (seed 002)

    static func feeAndHourly(_ territory: Territory, year: Int, input: BillingInput) -> [InvoiceDraft] {
        guard let tariff = territory.tariffs.first(where: { $0.year == year }) else { return [] }
        let (first, last) = yearBounds(year)
        let entries = input.entries
        let agents = Dictionary(territory.agents.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var drafts: [InvoiceDraft] = []
        for member in territory.members where member.memberSince <= last && (member.memberUntil.map { $0 >= first } ?? true) {
            let band = tariff.band(for: member.population)
            var prepaidLeft = 0
            if !tariff.feeExempt, let band {
                prepaidLeft = max(0, band.prepaidDays * tariff.minutesPerDay - (input.prepaidUsed[member.code] ?? 0))
            }
            if input.withFees, !input.feeIssued.contains(member.code), !tariff.feeExempt, let band {
                let n = DisplayFormat(.fr)
                let bounds = band.maxPopulation.map { "\(n.integer(band.minPopulation)) à \(n.integer($0)) hab." }
                    ?? "\(n.integer(band.minPopulation)) hab. et plus"
                drafts.append(InvoiceDraft(member: member.code, kind: .annualFee, request: nil, lines: [
                    InvoiceLine(kind: .fee, label: "Cotisation annuelle \(year) (\(bounds))", minutes: nil,
                                unitPriceCents: band.annualFeeCents, amountCents: band.annualFeeCents),
                ], statement: []))
            }
            // Prepaid hours absorb the first validated hours of the year, in date order (same
            // day: hours without a mission first, then by mission id, then agent code).
            let sorted = (entries[member.code] ?? []).sorted { a, b in
                if a.date != b.date { return a.date < b.date }
                if (a.request == nil) != (b.request == nil) { return a.request == nil }
                if a.request != b.request { return (a.request ?? "").precedesInByteOrder(b.request ?? "") }
                return a.agent.precedesInByteOrder(b.agent)
            }
            var byMission: [String?: (billed: Int, prepaid: Int, entries: [TimeEntry])] = [:]
            var order: [String?] = []
            for entry in sorted {
                let absorbed = min(prepaidLeft, entry.minutes)
                prepaidLeft -= absorbed
                if byMission[entry.request] == nil { order.append(entry.request) }
                // Changed in place: a copy taken out and put back would copy its entries at each one.
                byMission[entry.request, default: (0, 0, [])].billed += entry.minutes - absorbed
                byMission[entry.request, default: (0, 0, [])].prepaid += absorbed
                byMission[entry.request, default: (0, 0, [])].entries.append(entry)
            }
            for mission in order {
                guard let group = byMission[mission] else { continue }
                var lines: [InvoiceLine] = []
                if group.prepaid > 0 {
                    lines.append(InvoiceLine(kind: .prepaid, label: "Heures couvertes par les jours prépayés", minutes: group.prepaid,
                                             unitPriceCents: tariff.hourlyRateCents, amountCents: 0))
                }
                lines.append(InvoiceLine(kind: .hours, label: "Heures de remplacement", minutes: group.billed,
                                         unitPriceCents: tariff.hourlyRateCents,
                                         amountCents: amount(minutes: group.billed, rateCents: tariff.hourlyRateCents)))
                if mission != nil, let rtt = rttMinutes(group.entries, agents: agents, tariff: tariff,
                                                       annualWorkingDays: territory.service.annualWorkingDays), rtt > 0 {
                    lines.append(InvoiceLine(kind: .rtt, label: "RTT acquis sur une mission de plus d'un mois", minutes: rtt,
                                             unitPriceCents: tariff.hourlyRateCents,
                                             amountCents: amount(minutes: rtt, rateCents: tariff.hourlyRateCents)))
                }
                drafts.append(InvoiceDraft(member: member.code, kind: .hours, request: mission, lines: lines, statement: group.entries))
            }
        }
        return drafts
    }

    /// RTT billed on a mission longer than one calendar month (its last validated entry of the
    /// year falls after the same day-of-month one month after its first): for each agent, RTT
    /// days × hours per day × days worked on it / annual working days, rounded down; summed.
    static func rttMinutes(_ entries: [TimeEntry], agents: [String: Agent], tariff: Tariff, annualWorkingDays: Int) -> Int? {
        guard let first = entries.map(\.date).min(), let last = entries.map(\.date).max(),
              last > first.addingMonths(1), annualWorkingDays > 0 else { return nil }
        var daysByAgent: [String: Set<CalendarDate>] = [:]
        for entry in entries { daysByAgent[entry.agent, default: []].insert(entry.date) }
        return daysByAgent.reduce(0) { total, item in
            let rtt = agents[item.key]?.rttDaysPerYear ?? 0
            return total + rtt * tariff.minutesPerDay * item.value.count / annualWorkingDays
        }
    }

    /// `minutes × rate / per`, rounded half up to the cent (`per` in minutes, > 0).
    public static func amount(minutes: Int, rateCents: Int, per: Int) -> Int {
        (minutes * rateCents * 2 + per) / (per * 2)
    }

    /// A member's validated entries of the year by mission (hours without a mission under nil),
    /// missions in the order of their first entry, entries in (date, agent) order.
    static func byMission(_ entries: [TimeEntry]) -> [(mission: String?, entries: [TimeEntry])] {
        var groups: [String?: [TimeEntry]] = [:]
        var order: [String?] = []
        for entry in entries.sorted(by: { ($0.date, $0.agent) < ($1.date, $1.agent) }) {
            if groups[entry.request] == nil { order.append(entry.request) }
            groups[entry.request, default: []].append(entry)
        }
        return order.map { ($0, groups[$0] ?? []) }
    }

    /// Members in code order with their validated entries of the year.
    static func billedMembers(_ entries: [String: [TimeEntry]]) -> [(member: String, entries: [TimeEntry])] {
        entries.sorted { $0.key.precedesInByteOrder($1.key) }.map { ($0.key, $0.value) }
    }

    // MARK: - day_rate (§6.4, the CDG 63 model)

    /// For each member and mission, each (agent, date) of validated minutes m puts min(m, day
    /// hours) on the `day` line and the rest on the `extra` line.
    /// `billed`: minutes already billed that day (a complement tops the day up first).
    static func dayRate(_ territory: Territory, year: Int, entries: [String: [TimeEntry]], billed: [String: Int] = [:]) -> [InvoiceDraft] {
        guard let rate = territory.tariffs.first(where: { $0.year == year })?.dayRate, rate.dayMinutes > 0 else { return [] }
        let f = DisplayFormat(.fr)
        var drafts: [InvoiceDraft] = []
        for (member, entries) in billedMembers(entries) {
            for (mission, group) in byMission(entries) {
                var byAgentDay: [String: Int] = [:]
                for e in group { byAgentDay[BillingInput.key(member: member, mission: mission, agent: e.agent, e.date.dayNumber), default: 0] += e.minutes }
                var day = 0, extra = 0
                for (key, minutes) in byAgentDay {
                    let before = billed[key] ?? 0
                    let onDay = max(0, min(before + minutes, rate.dayMinutes) - min(before, rate.dayMinutes))
                    day += onDay
                    extra += minutes - onDay
                }
                var lines = [InvoiceLine(kind: .day, label: "Journées de remplacement (\(rate.basis(f)))", minutes: day,
                                         unitPriceCents: rate.dayRateCents,
                                         amountCents: amount(minutes: day, rateCents: rate.dayRateCents, per: rate.dayMinutes))]
                // A complement of extra hours only has no empty day line.
                if day == 0 && extra > 0 { lines = [] }
                if extra > 0 {
                    lines.append(InvoiceLine(kind: .extra, label: "Heures au-delà de la journée (\(f.money(rate.extraHourlyRateCents)) l'heure)",
                                             minutes: extra, unitPriceCents: rate.extraHourlyRateCents,
                                             amountCents: amount(minutes: extra, rateCents: rate.extraHourlyRateCents)))
                }
                drafts.append(InvoiceDraft(member: member, kind: .hours, request: mission, lines: lines, statement: group))
            }
        }
        return drafts
    }

    // MARK: - agent_cost (§6.5, the CDG 03 / CDG 51 model)

    /// For each member and mission: one `cost` line per agent (validated minutes × hourly cost ×
    /// coefficient / 60) and one `fee` line for the (agent, month) pairs with validated hours.
    /// Agents without an hourly cost are left out (the run is refused before: `missingHourlyCost`).
    static func agentCost(_ territory: Territory, year: Int, entries: [String: [TimeEntry]], feeMonthsBilled: Set<String> = []) -> [InvoiceDraft] {
        guard let rate = territory.tariffs.first(where: { $0.year == year })?.agentCost else { return [] }
        let f = DisplayFormat(.fr)
        let agents = Dictionary(territory.agents.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var drafts: [InvoiceDraft] = []
        for (member, entries) in billedMembers(entries) {
            for (mission, group) in byMission(entries) {
                var minutes: [String: Int] = [:]
                var months = Set<String>()
                for e in group {
                    minutes[e.agent, default: 0] += e.minutes
                    let month = BillingInput.key(member: member, mission: mission, agent: e.agent, e.date.month)
                    if !feeMonthsBilled.contains(month) { months.insert(month) }
                }
                var lines: [InvoiceLine] = []
                for code in minutes.keys.sorted(by: { $0.precedesInByteOrder($1) }) {
                    guard let agent = agents[code], let cost = agent.hourlyCostCents, let worked = minutes[code] else { continue }
                    let hourly = amount(minutes: 60 * rate.coefficientHundredths, rateCents: cost, per: 6000)
                    lines.append(InvoiceLine(
                        kind: .cost, label: "Coût \(DisplayFormat.de(agent.name)) : \(f.money(cost)) de l'heure × \(rate.coefficientText(f))",
                        minutes: worked, unitPriceCents: hourly,
                        amountCents: amount(minutes: worked * rate.coefficientHundredths, rateCents: cost, per: 6000), agent: code))
                }
                if rate.monthlyAgentFeeCents > 0 {
                    let n = months.count
                    lines.append(InvoiceLine(kind: .fee, label: "Frais de bulletin de paie : \(n) mois-agent × \(f.money(rate.monthlyAgentFeeCents))",
                                             minutes: nil, unitPriceCents: rate.monthlyAgentFeeCents, amountCents: n * rate.monthlyAgentFeeCents))
                }
                drafts.append(InvoiceDraft(member: member, kind: .hours, request: mission, lines: lines, statement: group))
            }
        }
        return drafts
    }

    /// The agents with validated hours in `year` and no hourly cost, by name: `agent_cost`
    /// cannot bill them.
    public static func agentsWithoutHourlyCost(_ territory: Territory, year: Int) -> [String] {
        let worked = Set(territory.timeEntries.filter { $0.validated && $0.date.year == year }.map(\.agent))
        return territory.agents.filter { worked.contains($0.code) && $0.hourlyCostCents == nil }.map(\.name).sorted()
    }

    // MARK: - prorata_cost (seeds 000 and 004)

    static func prorataCost(_ territory: Territory, year: Int, entries: [String: [TimeEntry]]) -> [InvoiceDraft] {
        var linesByMember: [String: [InvoiceLine]] = [:]
        var statements: [String: [TimeEntry]] = [:]
        for agent in territory.agents.sorted(by: { $0.code.precedesInByteOrder($1.code) }) {
            guard let cost = agent.annualCostCents else { continue }
            var minutes: [(member: String, minutes: Int)] = []
            for (member, list) in entries {
                let worked = list.filter { $0.agent == agent.code }.reduce(0) { $0 + $1.minutes }
                if worked > 0 { minutes.append((member, worked)) }
            }
            minutes.sort { $0.member.precedesInByteOrder($1.member) }
            let total = minutes.reduce(0) { $0 + $1.minutes }
            guard total > 0 else { continue }
            for (member, cents) in largestRemainder(cost, weights: minutes.map(\.minutes)).enumerated().map({ (minutes[$0.offset].member, $0.element) }) {
                let worked = minutes.first { $0.member == member }?.minutes ?? 0
                linesByMember[member, default: []].append(InvoiceLine(
                    kind: .cost, label: "Coût réel \(DisplayFormat.de(agent.name)) : \(DurationText.format(worked)) sur \(DurationText.format(total))",
                    minutes: worked, unitPriceCents: cost, amountCents: cents))
            }
        }
        for (member, list) in entries { statements[member] = list.sorted { ($0.date, $0.agent) < ($1.date, $1.agent) } }
        return linesByMember.map { member, lines in
            InvoiceDraft(member: member, kind: .prorataCost, request: nil, lines: lines, statement: statements[member] ?? [])
        }
    }

    /// `total` shared in proportion to `weights`, rounded to the cent by largest remainder (ties
    /// to the earlier weight, i.e. the lower member code), so the parts add up exactly.
    public static func largestRemainder(_ total: Int, weights: [Int]) -> [Int] {
        let sum = weights.reduce(0, +)
        guard sum > 0 else { return weights.map { _ in 0 } }
        var parts = weights.map { total * $0 / sum }
        let remainders = weights.enumerated().map { (index: $0.offset, remainder: total * $0.element % sum) }
        var left = total - parts.reduce(0, +)
        for item in remainders.sorted(by: { $0.remainder != $1.remainder ? $0.remainder > $1.remainder : $0.index < $1.index }) where left > 0 {
            parts[item.index] += 1
            left -= 1
        }
        return parts
    }
}

/// What one billing run bills (rules.md §6.6).
public struct BillingInput: Sendable {
    /// Validated hours still to bill, by member: for each entry, the minutes no standing
    /// invoice holds yet.
    public var entries: [String: [TimeEntry]]
    /// Prepaid minutes the year's standing invoices already absorbed, by member.
    public var prepaidUsed: [String: Int]
    /// Whether the run bills the year's annual fees (not with `--ended-by`).
    public var withFees: Bool
    /// Members whose annual fee of the year is already issued.
    public var feeIssued: Set<String>
    /// Minutes standing invoices already billed per member, mission, agent and day
    /// (`BillingInput.key`): a `day_rate` complement starts the day where they left it.
    public var billedPerAgentDay: [String: Int]
    /// (member, mission, agent, month) whose `agent_cost` payslip fee is already billed.
    public var feeMonthsBilled: Set<String>

    public init(entries: [String: [TimeEntry]], prepaidUsed: [String: Int] = [:], withFees: Bool = true, feeIssued: Set<String> = [],
                billedPerAgentDay: [String: Int] = [:], feeMonthsBilled: Set<String> = []) {
        self.entries = entries
        self.prepaidUsed = prepaidUsed
        self.withFees = withFees
        self.feeIssued = feeIssued
        self.billedPerAgentDay = billedPerAgentDay
        self.feeMonthsBilled = feeMonthsBilled
    }

    /// The key of a member's mission (nil: hours without one), an agent and a day or a month.
    public static func key(member: String, mission: String?, agent: String, _ unit: Int) -> String {
        "\(member)\u{1F}\(mission ?? "")\u{1F}\(agent)\u{1F}\(unit)"
    }
}

/// Which hours a billing run covers (rules.md §6.6).
public enum BillingScope: Hashable, Sendable {
    /// `invoice run --year Y`: the validated hours of the year, and its fees.
    case year(Int)
    /// `invoice run --month YYYY-MM`: the validated hours dated in that month.
    case month(year: Int, month: Int)
    /// `invoice run --ended-by DATE`: every mission whose last working day is on or before DATE.
    case endedBy(CalendarDate)

    /// The period stored on the invoices of this run: nil for a year.
    public var period: String? {
        switch self {
        case .year: return nil
        case .month(let y, let m): return "\(y)-\(pad(m, 2))"
        case .endedBy: return "mission"
        }
    }

    /// "mars 2026", "2026", "la mission" — the period as a complement line names it.
    public static func periodLabel(_ period: String?, year: Int, request: String?, _ l: Language) -> String {
        guard let period else { return String(year) }
        if period == "mission" { return l.pick("mission \(request ?? "")", "mission \(request ?? "")") }
        return DisplayFormat(l).month(period)
    }

    /// Complement drafts: hours added to a period already billed. Each line but the prepaid
    /// one becomes a `complement` line naming the period.
    public static func complement(_ draft: InvoiceDraft, year: Int) -> InvoiceDraft {
        var d = draft
        d.complement = true
        let label = periodLabel(d.period, year: year, request: d.request, .fr)
        d.lines = d.lines.map { line in
            guard line.kind != .prepaid else { return line }
            var l = line
            l.kind = .complement
            l.label = "Complément \(label) : " + line.label
            return l
        }
        return d
    }
}
