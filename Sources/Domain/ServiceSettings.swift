/// How members pay (rules.md §6).
public enum BillingScheme: String, Sendable, CaseIterable {
    /// Annual fee with prepaid days, then hours at the hourly rate (seed 002).
    case feeAndHourly = "fee_and_hourly"
    /// Each agent's real cost shared pro rata of hours at year end (seeds 000 and 004).
    case prorataCost = "prorata_cost"
    /// A day rate for days of so many hours, an hourly rate beyond (the CDG 63 model, §6.4).
    case dayRate = "day_rate"
    /// The agent's hourly cost × a coefficient, and a fee per agent and month (CDG 03 / CDG 51, §6.5).
    case agentCost = "agent_cost"
}

/// The service's own settings, including what invoices and contracts print.
public struct ServiceSettings: Hashable, Sendable {
    public var name: String
    public var holidays: HolidayRegime
    public var billing: BillingScheme
    public var annualWorkingDays: Int
    /// The body's full name (EPCI).
    public var epci: String?
    public var issuerName: String?
    public var issuerTitle: String?
    /// Convention and deliberation dates, printed on invoices.
    public var legalBasis: String?
    public var address: String?
    /// Payment term in days; nil means the default of 30.
    public var paymentDays: Int?
    /// The public accountant to pay.
    public var accountant: String?
    /// The framework agreement's numbers (rules.md §7).
    public var convention: Convention
    /// When the convention ends (`service.convention_end`); nil when open-ended.
    public var conventionEnd: CalendarDate?

    public init(name: String, holidays: HolidayRegime = .france, billing: BillingScheme = .feeAndHourly,
                annualWorkingDays: Int = 228, epci: String? = nil, issuerName: String? = nil,
                issuerTitle: String? = nil, legalBasis: String? = nil, address: String? = nil,
                paymentDays: Int? = nil, accountant: String? = nil, convention: Convention = .standard,
                conventionEnd: CalendarDate? = nil) {
        self.name = name
        self.holidays = holidays
        self.billing = billing
        self.annualWorkingDays = annualWorkingDays
        self.epci = epci
        self.issuerName = issuerName
        self.issuerTitle = issuerTitle
        self.legalBasis = legalBasis
        self.address = address
        self.paymentDays = paymentDays
        self.accountant = accountant
        self.convention = convention
        self.conventionEnd = conventionEnd
    }

    public var effectivePaymentDays: Int { paymentDays ?? 30 }

    public var calendar: HolidayCalendar { HolidayCalendar(holidays) }

    public static let defaultName = "Service commun de remplacement des secrétaires de mairie"
}

/// A whole service: what a `releve/1` file holds.
public struct Territory: Hashable, Sendable {
    public var service: ServiceSettings
    public var tariffs: [Tariff]
    public var members: [Member]
    public var agents: [Agent]
    public var requests: [ReplacementRequest]
    public var timeEntries: [TimeEntry]
    /// The coordinator's assignments by hand (`requests[].assigned_agent`), by request id.
    public var assignments: [ManualAssignment]
    /// The mayors' evaluations of missions, by request (rules.md §8).
    public var evaluations: [Evaluation]
    /// The directory of the network (rules.md §10), by id.
    public var people: [Person]
    /// The help line's questions (rules.md §10), by id.
    public var helpline: [HelplineCall]

    public init(service: ServiceSettings, tariffs: [Tariff] = [], members: [Member] = [],
                agents: [Agent] = [], requests: [ReplacementRequest] = [], timeEntries: [TimeEntry] = [],
                assignments: [ManualAssignment] = [], evaluations: [Evaluation] = [], people: [Person] = [],
                helpline: [HelplineCall] = []) {
        self.helpline = helpline
        self.evaluations = evaluations
        self.people = people
        self.service = service
        self.tariffs = tariffs
        self.members = members
        self.agents = agents
        self.requests = requests
        self.timeEntries = timeEntries
        self.assignments = assignments
    }
}

extension Territory {
    /// Agents' names by code, for readable listings.
    public var agentNames: [String: String] {
        Dictionary(agents.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    /// Members' names by code, for readable listings.
    public var memberNames: [String: String] {
        Dictionary(members.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
    }
}
