import Domain
import GRDB

/// Why a billing run cannot be made; nothing was written.
public enum BillingScopeRefusal: Error, Hashable, Sendable, Localized {
    /// `prorata_cost` shares a year's cost: it is billed by year only.
    case prorataByYearOnly

    public func message(in l: Language) -> String {
        switch self {
        case .prorataByYearOnly:
            return l.pick("le coût réel se partage en fin d'année (facturation au prorata) : utilisez --year",
                          "real cost is shared at year end (pro rata billing): use --year")
        }
    }
}

/// The drafts of one billing run (rules.md §6.6) and what they were computed from.
struct ScopedDrafts {
    var year: Int
    var drafts: [InvoiceDraft]
    var territory: Territory
    /// Statement entries some standing invoice already billed in part (their id).
    var billedEntries: Set<Int64>
    /// Standing invoices of the run's period, not billed again.
    var standing: [String]
}

extension AppDatabase {
    /// The run's drafts computed from the current data and what is issued, nothing stored:
    /// `invoice run` without `--issue`. One element per year the run meets.
    public func billingDrafts(_ scope: BillingScope) throws -> [(year: Int, drafts: [InvoiceDraft], territory: Territory)] {
        try read { db in try Self.scopedDrafts(db, scope).map { ($0.year, $0.drafts, $0.territory) } }
    }

    /// The drafts of `scope`, year by year: the validated hours of the period that no standing
    /// invoice holds yet (for an entry billed before, only the minutes added since), priced by
    /// the service's scheme; prepaid hours go on where the year's issued invoices left them;
    /// a period already billed gets a complement.
    static func scopedDrafts(_ db: Database, _ scope: BillingScope) throws -> [ScopedDrafts] {
        let service = try TerritoryReader.service(db)
        if service.billing == .prorataCost, scope.period != nil { throw BillingScopeRefusal.prorataByYearOnly }
        var years: [Int]
        var ended: Set<String> = []
        switch scope {
        case .year(let y): years = [y]
        case .month(let y, _): years = [y]
        case .endedBy(let date):
            for row in try Row.fetchAll(db, sql: """
                SELECT request FROM plan_decision
                WHERE implicit = 0 AND status <> 'refused'
                  AND min(effective_end, coalesce(date(preempted_on, '-1 day'), effective_end)) <= ?
                """, arguments: [date.iso]) { ended.insert(row[0]) }
            years = try Int.fetchAll(db, sql: """
                SELECT DISTINCT CAST(substr(date, 1, 4) AS INTEGER) FROM time_entry
                WHERE validated = 1 AND request IS NOT NULL AND date <= ? ORDER BY 1
                """, arguments: [date.iso])
        }
        var result: [ScopedDrafts] = []
        for year in years {
            var territory = try TerritoryReader.billingTerritory(db, year: year)
            try requireTariff(territory, year: year)
            let standing = try standingState(db, year: year)
            var entries: [String: [TimeEntry]] = [:]
            var touched: Set<Int64> = []
            var billedPerAgentDay: [String: Int] = [:]
            var feeMonthsBilled: Set<String> = []
            for var entry in territory.timeEntries where entry.validated {
                switch scope {
                case .year: break
                case .month(_, let m): if entry.date.month != m { continue }
                case .endedBy: if !(entry.request.map(ended.contains) ?? false) { continue }
                }
                let kind = service.billing == .prorataCost ? "prorata_cost" : "hours"
                if standing.legacy.contains(key(member: entry.member, kind: kind, request: service.billing == .prorataCost ? nil : entry.request)) {
                    continue
                }
                if let id = entry.id, let billed = standing.billedMinutes[id] {
                    touched.insert(id)
                    billedPerAgentDay[BillingInput.key(member: entry.member, mission: entry.request, agent: entry.agent, entry.date.dayNumber),
                                      default: 0] += billed
                    feeMonthsBilled.insert(BillingInput.key(member: entry.member, mission: entry.request, agent: entry.agent, entry.date.month))
                    guard entry.minutes > billed else { continue }
                    entry.minutes -= billed
                }
                entries[entry.member, default: []].append(entry)
            }
            territory.timeEntries = []
            let input = BillingInput(entries: entries, prepaidUsed: standing.prepaidUsed,
                                     withFees: scope.period != "mission", feeIssued: standing.feeIssued,
                                     billedPerAgentDay: billedPerAgentDay, feeMonthsBilled: feeMonthsBilled)
            let drafts = Billing.run(territory, year: year, input: input).map { draft -> InvoiceDraft in
                guard draft.kind != .annualFee else { return draft }
                var d = draft
                d.period = scope.period
                // Hours a late entry or an edit adds to a period already billed for the member (for
                // this mission or another) are a complement naming the period.
                return standing.billedPeriods.contains(billedPeriodKey(member: d.member, period: d.period, request: d.request))
                    ? BillingScope.complement(d, year: year) : d
            }
            let numbers = standing.numbersByPeriod[scope.period ?? ""] ?? []
            result.append(ScopedDrafts(year: year, drafts: drafts, territory: territory, billedEntries: touched, standing: numbers))
        }
        return result
    }

    /// What the year's standing invoices (issued, not cancelled) already bill.
    struct StandingState {
        /// Minutes billed per time entry.
        var billedMinutes: [Int64: Int] = [:]
        /// (member, kind, mission) of invoices issued before billing periods (no entry on their
        /// statement): their hours are billed whole, as they were.
        var legacy: Set<String> = []
        /// (member, period) of standing regular invoices: a new draft there is a complement.
        var billedPeriods: Set<String> = []
        var prepaidUsed: [String: Int] = [:]
        var feeIssued: Set<String> = []
        var numbersByPeriod: [String: [String]] = [:]
    }

    /// A member's billed period: the year or the month; for missions billed at their end, the mission.
    static func billedPeriodKey(member: String, period: String?, request: String?) -> String {
        member + "\u{1F}" + (period ?? "") + (period == "mission" ? "\u{1F}" + (request ?? "") : "")
    }

    static func standingState(_ db: Database, year: Int) throws -> StandingState {
        var state = StandingState()
        let standingFilter = "i.series = 'invoice' AND i.year = ? AND i.number NOT IN (SELECT cancels FROM invoice WHERE cancels IS NOT NULL)"
        for row in try Row.fetchAll(db, sql: """
            SELECT s.entry, sum(s.minutes) FROM invoice_statement s JOIN invoice i ON i.number = s.invoice
            WHERE \(standingFilter) AND s.entry IS NOT NULL GROUP BY s.entry
            """, arguments: [year]) {
            state.billedMinutes[row[0]] = row[1]
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT i.number, i.member, i.kind, i.request, i.period, i.complement,
                   EXISTS (SELECT 1 FROM invoice_statement s WHERE s.invoice = i.number AND s.entry IS NOT NULL) AS keyed
            FROM invoice i WHERE \(standingFilter)
            """, arguments: [year]) {
            let number: String = row[0], member: String = row[1], kind: String = row[2]
            let request: String? = row[3], period: String? = row[4], complement: Bool = row[5], keyed: Bool = row[6]
            if kind == "annual_fee" {
                state.feeIssued.insert(member)
                state.numbersByPeriod["", default: []].append(number)
                continue
            }
            if !keyed, period == nil, !complement { state.legacy.insert(key(member: member, kind: kind, request: request)) }
            if !complement { state.billedPeriods.insert(billedPeriodKey(member: member, period: period, request: request)) }
            state.numbersByPeriod[period ?? "", default: []].append(number)
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT i.member, sum(l.minutes) FROM invoice_line l JOIN invoice i ON i.number = l.invoice
            WHERE \(standingFilter) AND l.type = 'prepaid' GROUP BY i.member
            """, arguments: [year]) {
            state.prepaidUsed[row[0]] = row[1]
        }
        return state
    }
}
