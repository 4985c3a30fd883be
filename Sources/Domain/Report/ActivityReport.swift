/// The activity report of rules.md §9 ("compte rendu semestriel d'activités"): every figure of
/// `releve report` for a period and for the previous period of the same length, computed from
/// the plan, the hours, the invoices and the evaluations, and each one traceable to what it is
/// made of (`ActivityFigures.sources(of:)`). Integer minutes and cents only.
public struct ActivityReport: Sendable {
    /// The period asked.
    public let current: ActivityFigures
    /// The previous period of the same length (`ReportPeriod.previous`).
    public let previous: ActivityFigures
    /// The day it was computed (the day its documents are dated).
    public let today: CalendarDate

    public var period: ReportPeriod { current.period }

    /// Computes the report of `period` and of the period before it.
    /// - `plan`: the arbitration of `territory` (the stored plan, or `Arbitration.plan`).
    /// - `invoices`: the issued invoices and credit notes with their payments.
    /// - `today`: overdue invoices are judged on the period's last day, or today if earlier.
    public init(territory: Territory, plan: Plan, invoices: [Invoice] = [], period: ReportPeriod, today: CalendarDate) {
        self.today = today
        let data = ReportData(territory: territory, plan: plan, invoices: invoices)
        current = ActivityFigures(data, period: period, today: today)
        previous = ActivityFigures(data, period: period.previous, today: today)
    }
}

/// Every figure of one period (cli.md, "JSON of `report --format json`").
public struct ActivityFigures: Sendable {
    public let period: ReportPeriod
    public internal(set) var requests = RequestFigures()
    public internal(set) var minutes = MinuteFigures()
    /// Served / needed; nil when nothing was needed.
    public internal(set) var coverage: Hundredths?
    /// The lower median of the waiting working days; nil when no request was first served in the period.
    public internal(set) var waitingWorkingDaysMedian: Int?
    /// In code order; members with nothing in the period are left out.
    public internal(set) var members: [MemberFigures] = []
    /// Every agent, in code order.
    public internal(set) var agents: [AgentFigures] = []
    public internal(set) var evaluations = EvaluationFigures()
    public internal(set) var helpline = HelplineFigures()
    public internal(set) var billing = BillingFigures()

    /// What the figures are made of: the requests that count in any figure (received, active,
    /// needing or served minutes in the period, first or last served in it).
    public internal(set) var requestLines: [RequestContribution] = []
    /// The time entries dated in the period, in date then id order.
    public internal(set) var timeEntries: [TimeEntry] = []
    /// The invoices issued, paid or overdue in the period.
    public internal(set) var invoiceLines: [InvoiceContribution] = []
    /// The evaluations received in the period (request and day only: scores and comments stay
    /// with the evaluation, for the coordinator).
    public internal(set) var evaluationsReceived: [EvaluationReceipt] = []
}

/// The `requests` object.
public struct RequestFigures: Hashable, Sendable {
    /// Real requests received in the period.
    public var received = 0
    /// Of those received, by class (every class present, 0 included).
    public var byClass: [PriorityClass: Int] = [:]
    /// Of those received, by motive (motives with at least one).
    public var byMotive: [Motive: Int] = [:]
    public var fromSmallCommunes = 0
    public var shortNotice = 0
    /// Real requests whose span meets the period.
    public var active = 0
    /// Of the active ones, by plan status.
    public var byStatus: [DecisionStatus: Int] = [:]
    /// Of the active refused ones, by refusal code.
    public var refusals: [Refusal: Int] = [:]
    /// Implicit rota requests active in the period.
    public var rotaCover = 0
    /// Real requests received in the period that renew another one.
    public var renewals = 0
    public var renewalsAnsweredInTime = 0
}

/// The `minutes` object.
public struct MinuteFigures: Hashable, Sendable {
    public var needed = 0
    public var served = 0
    public var logged = 0
    public var validated = 0
}

/// One row of `members[]`.
public struct MemberFigures: Hashable, Sendable {
    public var member: String
    /// Its real requests active in the period.
    public var requests = 0
    public var neededMinutes = 0
    public var servedMinutes = 0
    public var loggedMinutes = 0
    public var invoicedCents = 0
    public var paidCents = 0

    public init(member: String, requests: Int = 0, neededMinutes: Int = 0, servedMinutes: Int = 0, loggedMinutes: Int = 0,
                invoicedCents: Int = 0, paidCents: Int = 0) {
        self.member = member
        self.requests = requests
        self.neededMinutes = neededMinutes
        self.servedMinutes = servedMinutes
        self.loggedMinutes = loggedMinutes
        self.invoicedCents = invoicedCents
        self.paidCents = paidCents
    }
}

/// One row of `agents[]`.
public struct AgentFigures: Hashable, Sendable {
    public var agent: String
    public var availableMinutes = 0
    public var plannedMinutes = 0
    public var loggedMinutes = 0
    /// Planned / available; nil when nothing was available.
    public var use: Hundredths?
    /// Working days of the period it was away (the kind is never kept here).
    public var absenceDays = 0
    /// Training hours of rules.md §10 (none recorded yet).
    public var trainingMinutes = 0
    /// Its working days of the period: what it had, what its rota took, whether it was away.
    public var days: [AgentDay] = []

    public init(agent: String, availableMinutes: Int = 0, plannedMinutes: Int = 0, loggedMinutes: Int = 0, use: Hundredths? = nil,
                absenceDays: Int = 0, trainingMinutes: Int = 0, days: [AgentDay] = []) {
        self.agent = agent
        self.availableMinutes = availableMinutes
        self.plannedMinutes = plannedMinutes
        self.loggedMinutes = loggedMinutes
        self.use = use
        self.absenceDays = absenceDays
        self.trainingMinutes = trainingMinutes
        self.days = days
    }
}

/// One working day of an agent in the period.
public struct AgentDay: Hashable, Sendable {
    public var date: CalendarDate
    /// Daily minutes, 0 when away.
    public var availableMinutes: Int
    /// Rota minutes that day, 0 when away.
    public var rotaMinutes: Int
    /// The arbitration's minutes that day.
    public var arbitratedMinutes: Int
    public var away: Bool
}

/// The `evaluations` object.
public struct EvaluationFigures: Hashable, Sendable {
    public var due = 0
    public var received = 0
    /// Per criterion over the evaluations received; empty when none was.
    public var averages: [EvaluationCriterion: Hundredths] = [:]
}

/// The `helpline` object (rules.md §10; filled by issue 15).
public struct HelplineFigures: Hashable, Sendable {
    public var calls = 0
    /// Calls by domain, in domain order.
    public var byDomain: [String: Int] = [:]
    public var medianAnswerMinutes: Int?
}

/// The `billing` object, in cents.
public struct BillingFigures: Hashable, Sendable {
    /// Totals of the invoices issued in the period, credit notes negative.
    public var invoicedCents = 0
    /// Payments dated in the period.
    public var paidCents = 0
    /// What was left unpaid, on the period's last day (or today if earlier), of the invoices
    /// past their due date then.
    public var overdueCents = 0

    public init(invoicedCents: Int = 0, paidCents: Int = 0, overdueCents: Int = 0) {
        self.invoicedCents = invoicedCents
        self.paidCents = paidCents
        self.overdueCents = overdueCents
    }
}

/// A request as the report counts it in a period.
public struct RequestContribution: Hashable, Sendable {
    public var id: String
    public var member: String
    public var isImplicit: Bool
    public var priorityClass: PriorityClass
    public var motive: Motive
    public var small: Bool
    public var status: DecisionStatus
    public var refusal: Refusal?
    public var received: CalendarDate
    public var start: CalendarDate
    /// The last day of the capped span (of the asked span when refused).
    public var end: CalendarDate
    public var receivedInPeriod: Bool
    /// Its span meets the period.
    public var active: Bool
    public var shortNotice: Bool
    /// It renews another request (`renews`).
    public var renewal: Bool
    /// A renewal answered by its deadline (`renewal_answer_hours`).
    public var answeredInTime: Bool
    public var dailyNeed: Int
    /// Working days inside both the capped span and the period (0 when refused).
    public var neededDays: Int
    /// `dailyNeed × neededDays`.
    public var neededMinutes: Int
    /// The arbitration's minutes on days of the period, by day and agent.
    public var served: [DayAllocation]
    public var servedMinutes: Int
    /// Over the whole plan.
    public var firstServed: CalendarDate?
    public var lastServed: CalendarDate?
    /// When first served in the period: the working days d with received < d ≤ first served day.
    public var waitingWorkingDays: Int?
    /// Its last served day falls in the period: an evaluation is due.
    public var evaluationDue: Bool
}

/// An invoice as the report counts it in a period.
public struct InvoiceContribution: Hashable, Sendable {
    public var number: String
    public var member: String
    public var kind: Invoice.Kind
    public var issued: CalendarDate
    /// Its total when issued in the period (negative for a credit note), else 0.
    public var invoicedCents: Int
    /// Its payments dated in the period.
    public var payments: [Payment]
    public var paidCents: Int
    /// Left unpaid past its due date on the day overdue invoices are judged.
    public var overdueCents: Int
}

/// An evaluation received in the period: which mission, which day.
public struct EvaluationReceipt: Hashable, Sendable {
    public var request: String
    public var received: CalendarDate
}
