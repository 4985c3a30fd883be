/// A figure of the activity report a screen can open ("Enter on a figure: which requests,
/// which hours"), named as in cli.md's JSON.
public enum ReportFigure: Hashable, Sendable {
    case received
    case byClass(PriorityClass)
    case byMotive(Motive)
    case fromSmallCommunes
    case shortNotice
    case active
    case byStatus(DecisionStatus)
    case refusals(Refusal)
    case rotaCover
    case renewals
    case renewalsAnsweredInTime
    case neededMinutes
    case servedMinutes
    case loggedMinutes
    case validatedMinutes
    case waiting
    case member(String, MemberColumn)
    case agent(String, AgentColumn)
    case evaluationsDue
    case evaluationsReceived
    case invoiced
    case paid
    case overdue

    public enum MemberColumn: String, Hashable, Sendable, CaseIterable {
        case requests, needed, served, logged, invoiced, paid
    }

    public enum AgentColumn: String, Hashable, Sendable, CaseIterable {
        case available, planned, logged, absenceDays
    }
}

/// One thing a figure is made of.
public enum ReportSource: Hashable, Sendable {
    /// A request counted once (counts), or for its minutes (`minutes`: its needed or served
    /// minutes in the period, or its waiting working days for `.waiting`).
    case request(RequestContribution, minutes: Int?)
    /// Minutes an agent gave a request on one day of the period.
    case served(DayAllocation)
    case timeEntry(TimeEntry)
    /// An invoice for its amount in the figure (invoiced total, payments of the period, or
    /// what was left overdue).
    case invoice(InvoiceContribution, cents: Int)
    /// An agent's working day: its available minutes, or its planned minutes (rota + arbitration).
    case agentDay(agent: String, day: AgentDay, minutes: Int)
    case evaluation(EvaluationReceipt)

    /// The minutes, days or cents it brings to the figure (1 for a count).
    public var amount: Int {
        switch self {
        case .request(_, let minutes): return minutes ?? 1
        case .served(let a): return a.minutes
        case .timeEntry(let e): return e.minutes
        case .invoice(_, let cents): return cents
        case .agentDay(_, _, let minutes): return minutes
        case .evaluation: return 1
        }
    }
}

extension ActivityFigures {
    /// What `figure` is made of, in a stable order (requests in id order, days and entries in
    /// date order): the amounts of the sources add up to the figure (for the median, the
    /// requests whose waiting it is the median of).
    public func sources(of figure: ReportFigure) -> [ReportSource] {
        let real = requestLines.filter { !$0.isImplicit }
        func count(_ lines: [RequestContribution]) -> [ReportSource] { lines.map { .request($0, minutes: nil) } }
        switch figure {
        case .received: return count(real.filter(\.receivedInPeriod))
        case .byClass(let c): return count(real.filter { $0.receivedInPeriod && $0.priorityClass == c })
        case .byMotive(let m): return count(real.filter { $0.receivedInPeriod && $0.motive == m })
        case .fromSmallCommunes: return count(real.filter { $0.receivedInPeriod && $0.small })
        case .shortNotice: return count(real.filter { $0.receivedInPeriod && $0.shortNotice })
        case .active: return count(real.filter(\.active))
        case .byStatus(let s): return count(real.filter { $0.active && $0.status == s })
        case .refusals(let r): return count(real.filter { $0.active && $0.status == .refused && $0.refusal == r })
        case .rotaCover: return count(requestLines.filter { $0.isImplicit && $0.active })
        case .renewals: return count(real.filter { $0.receivedInPeriod && $0.renewal })
        case .renewalsAnsweredInTime: return count(real.filter { $0.receivedInPeriod && $0.answeredInTime })
        case .neededMinutes:
            return requestLines.filter { $0.neededMinutes > 0 }.map { .request($0, minutes: $0.neededMinutes) }
        case .servedMinutes: return requestLines.flatMap { $0.served.map(ReportSource.served) }.sorted(by: Self.dayOrder)
        case .loggedMinutes: return timeEntries.map(ReportSource.timeEntry)
        case .validatedMinutes: return timeEntries.filter(\.validated).map(ReportSource.timeEntry)
        case .waiting: return real.compactMap { line in line.waitingWorkingDays.map { .request(line, minutes: $0) } }
        case .member(let code, let column):
            let lines = requestLines.filter { $0.member == code }
            switch column {
            case .requests: return count(lines.filter { $0.active && !$0.isImplicit })
            case .needed: return lines.filter { $0.neededMinutes > 0 }.map { .request($0, minutes: $0.neededMinutes) }
            case .served: return lines.flatMap { $0.served.map(ReportSource.served) }.sorted(by: Self.dayOrder)
            case .logged: return timeEntries.filter { $0.member == code }.map(ReportSource.timeEntry)
            case .invoiced: return invoiceLines.filter { $0.member == code && $0.invoicedCents != 0 }.map { .invoice($0, cents: $0.invoicedCents) }
            case .paid: return invoiceLines.filter { $0.member == code && $0.paidCents != 0 }.map { .invoice($0, cents: $0.paidCents) }
            }
        case .agent(let code, let column):
            guard let row = agents.first(where: { $0.agent == code }) else { return [] }
            switch column {
            case .available: return row.days.filter { $0.availableMinutes > 0 }.map { .agentDay(agent: code, day: $0, minutes: $0.availableMinutes) }
            case .planned:
                return row.days.filter { $0.rotaMinutes + $0.arbitratedMinutes > 0 }
                    .map { .agentDay(agent: code, day: $0, minutes: $0.rotaMinutes + $0.arbitratedMinutes) }
            case .logged: return timeEntries.filter { $0.agent == code }.map(ReportSource.timeEntry)
            case .absenceDays: return row.days.filter(\.away).map { .agentDay(agent: code, day: $0, minutes: 1) }
            }
        case .evaluationsDue: return count(real.filter(\.evaluationDue))
        case .evaluationsReceived: return evaluationsReceived.map(ReportSource.evaluation)
        case .invoiced: return invoiceLines.filter { $0.invoicedCents != 0 }.map { .invoice($0, cents: $0.invoicedCents) }
        case .paid: return invoiceLines.filter { $0.paidCents != 0 }.map { .invoice($0, cents: $0.paidCents) }
        case .overdue: return invoiceLines.filter { $0.overdueCents != 0 }.map { .invoice($0, cents: $0.overdueCents) }
        }
    }

    static func dayOrder(_ a: ReportSource, _ b: ReportSource) -> Bool {
        guard case .served(let x) = a, case .served(let y) = b else { return false }
        return (x.date, x.request, x.agent) < (y.date, y.request, y.agent)
    }
}
