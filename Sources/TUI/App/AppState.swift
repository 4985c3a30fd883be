import Domain

/// The panes, in the order of their digits.
public enum Pane: Int, CaseIterable, Sendable {
    case planning = 1, requests, members, agents, hours, invoices, reports

    /// Whether the pane shows the whole territory (the snapshot), not a window of its own.
    public var showsTerritory: Bool { [.requests, .members, .agents, .hours].contains(self) }

    public func title(_ l: Language) -> String {
        switch self {
        case .planning: return "Planning"
        case .requests: return l.pick("Demandes", "Requests")
        case .members: return l.pick("Communes", "Members")
        case .agents: return "Agents"
        case .hours: return l.pick("Heures", "Hours")
        case .invoices: return l.pick("Factures", "Invoices")
        case .reports: return l.pick("Rapports", "Reports")
        }
    }
}

/// What the interface shows, loaded from the database: the territory and its arbitration,
/// indexed for drawing.
public struct Snapshot: Sendable {
    public let territory: Territory
    public let plan: Plan
    public let agents: [Agent]
    public let members: [Member]
    public let decisions: [String: RequestDecision]
    public let membersByCode: [String: Member]
    public let agentsByCode: [String: Agent]
    public let agentNames: [String: String]
    public let memberNames: [String: String]
    /// The ids of each member's requests (implicit rota requests aside), in id order.
    public let requestsByMember: [String: [String]]
    /// How many decisions are implicit rota requests.
    public let implicitCount: Int
    /// Accent- and case-folded names of `members` (same order, so sorted), for the form's hint.
    public let foldedMemberNames: [String]
    /// The same folded names by code (members and agents), for sorting rows without folding.
    public let foldedMemberName: [String: String]
    public let foldedAgentName: [String: String]
    /// The members in code order, for the form's hint by code.
    public let membersInCodeOrder: [Member]
    /// What the `/` filter searches, folded once at load (off the key loop): "code\u{1}name"
    /// for members and agents, "id\u{1}member name" for decisions (motive and status are
    /// matched by their few labels).
    public let memberSearch: [String]
    public let agentSearch: [String]
    public let decisionSearch: [String]
    /// Minutes by agent code, then day number, then request id (in priority order). Empty when
    /// the snapshot was read without the plan's days (`holdsWork` false, the interface's case):
    /// the planning grid then reads its window, and the Heures pane its week, from the database.
    public let work: [String: [Int: [(request: String, minutes: Int)]]]
    public var holdsWork: Bool { !plan.allocations.isEmpty }
    /// The row versions read with the territory: what a form opened on a record claims.
    public let versions: RecordVersions

    /// `order`: the display order the stored plan keeps (`plan_member`, `plan_agent`: code and
    /// folded "code name"), which spares folding and sorting 35,000 names at each load; without
    /// it (tests) the order is computed here, the same way.
    public init(territory: Territory, plan: Plan, order: (members: [(code: String, folded: String)], agents: [(code: String, folded: String)])? = nil,
                versions: RecordVersions = RecordVersions()) {
        self.territory = territory
        self.plan = plan
        self.versions = versions
        // Alphabetical as a French reader expects: accents do not push "Écuisses" to the end.
        func sorted<T>(_ items: [T], code: (T) -> String, name: (T) -> String, stored: [(code: String, folded: String)]?) -> [(String, T)] {
            if let stored, stored.count == items.count {
                var byCode: [String: T] = Dictionary(minimumCapacity: items.count)
                for item in items { byCode[code(item)] = item }
                let ordered = stored.compactMap { entry in byCode[entry.code].map { (String(entry.folded.dropFirst(entry.code.count + 1)), $0) } }
                if ordered.count == items.count { return ordered }
            }
            return items.map { (name($0).folding(), $0) }.sorted { ($0.0, code($0.1)) < ($1.0, code($1.1)) }
        }
        let sortedAgents = sorted(territory.agents, code: \.code, name: \.name, stored: order?.agents)
        agents = sortedAgents.map(\.1)
        let sortedMembers = sorted(territory.members, code: \.code, name: \.name, stored: order?.members)
        members = sortedMembers.map(\.1)
        foldedMemberNames = sortedMembers.map(\.0)
        // The database reads them in code order already: no sort then.
        let inCodeOrder = zip(territory.members, territory.members.dropFirst()).allSatisfy { $0.code.precedesInByteOrder($1.code) }
        membersInCodeOrder = inCodeOrder ? territory.members : territory.members.sorted { $0.code < $1.code }
        memberSearch = sortedMembers.map { $0.1.code.folding() + "\u{1}" + $0.0 }
        agentSearch = sortedAgents.map { $0.1.code.folding() + "\u{1}" + $0.0 }
        var foldedName: [String: String] = Dictionary(minimumCapacity: sortedMembers.count)
        for (folded, member) in sortedMembers { foldedName[member.code] = folded }
        foldedMemberName = foldedName
        var foldedAgents: [String: String] = [:]
        for (folded, agent) in sortedAgents { foldedAgents[agent.code] = folded }
        foldedAgentName = foldedAgents
        decisionSearch = plan.decisions.map { $0.id.folding() + "\u{1}" + (foldedName[$0.request.member] ?? $0.request.member.folding()) }
        var byCode: [String: Member] = Dictionary(minimumCapacity: territory.members.count)
        for member in territory.members where byCode[member.code] == nil { byCode[member.code] = member }
        membersByCode = byCode
        agentsByCode = Dictionary(territory.agents.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        agentNames = agentsByCode.mapValues(\.name)
        memberNames = membersByCode.mapValues(\.name)
        var requestsByMember: [String: [String]] = [:]
        for decision in plan.decisions where !decision.isImplicit { requestsByMember[decision.request.member, default: []].append(decision.id) }
        self.requestsByMember = requestsByMember
        implicitCount = plan.decisions.reduce(0) { $0 + ($1.isImplicit ? 1 : 0) }
        var decisions: [String: RequestDecision] = Dictionary(minimumCapacity: plan.decisions.count)
        for decision in plan.decisions { decisions[decision.id] = decision }
        self.decisions = decisions
        var work: [String: [Int: [(request: String, minutes: Int)]]] = [:]
        for allocation in plan.allocations {
            work[allocation.agent, default: [:]][allocation.date.dayNumber, default: []].append((allocation.request, allocation.minutes))
        }
        self.work = work
    }

    public func member(_ code: String) -> Member? { membersByCode[code] }
    public func agent(_ code: String) -> Agent? { agentsByCode[code] }
}

/// Cursor, scroll and filter of a list pane.
public struct ListState: Sendable, Equatable {
    public var cursor = 0
    public var scroll = 0
    public var filter = ""
    public var showDetail = false

    public init() {}
}

/// The whole state of the interface. `update` changes it, `render` draws it; neither does I/O.
public struct AppState: Sendable {
    public var pane: Pane = .planning
    public var width: Int
    public var height: Int
    public var today: CalendarDate
    public var language: Language
    public var serviceName = "Relève"
    /// The whole territory and its plan: loaded for the list panes and the forms, not for the
    /// planning grid, which reads only its window.
    public var snapshot: Snapshot?
    /// Another session changed the territory while no pane on screen showed it: the snapshot
    /// is read again when such a pane opens (its old rows are shown meanwhile).
    public var snapshotStale = false
    /// Counts the snapshots and hours loaded, so derived lists know when to recompute.
    var snapshotGeneration = 0
    var hoursGeneration = 0
    /// Counts the Heures week's planned minutes loaded (hours logged elsewhere leave them).
    var weekPlanGeneration = 0
    /// The list panes' rows, derived from the snapshot and the filters (see PaneLists.swift).
    var lists = PaneLists()
    /// What the planning grid shows.
    public var grid: PlanningWindow?
    public var hours: [TimeEntry] = []
    /// The stored plan's allocations of the Heures pane's week, when the snapshot holds no plan days.
    public var weekPlan: [DayAllocation] = []
    public var loadError: String?
    public var planning: PlanningState
    public var requests = ListState()
    /// Demandes shows only what is to follow up (`u`): ending, renewals to answer, evaluations due.
    public var requestsFollowUp = false
    public var members = ListState()
    public var agents = ListState()
    public var hoursWeek: CalendarDate
    public var invoicesPane: InvoicesPaneState
    public var hoursPane = HoursPaneState()
    public var reportsPane = ReportsPaneState()
    public var showHelp = false
    public var requestForm: RequestFormState?
    public var recordForm: RecordFormState?
    /// The service's convention, when its form is open (`c`).
    public var conventionForm: ConventionFormState?
    /// `c` was pressed before the territory was read: the form opens once it is.
    public var conventionFormPending = false
    /// The request just saved: the cursor goes to it once the lists are read again.
    public var savedRequest: String?
    public var pendingDeletion: PendingDeletion?
    /// The absences or rota slots of one agent, when open.
    public var agentItems: AgentItemsState?
    /// The history of the selected record (`H`), when open.
    public var history: HistoryState?
    /// The reading panel (`s` suggestions, `D` half-day schedule).
    public var panel: PanelState?
    /// Who uses the interface: an observer reads everything but the absence motives and
    /// changes nothing.
    public var role: UserRole
    /// True while typing a filter after `/`.
    public var editingFilter = false
    public var unicode = true
    public var notice: String?
    /// True while asking whether to quit and lose a form's unsaved changes (Ctrl-C).
    public var confirmingQuit = false
    /// What runs off the key loop meanwhile ("Enregistrement…"), shown in the status bar.
    public var busy: String?
    public var running = true

    public init(width: Int, height: Int, today: CalendarDate, language: Language = .fr, role: UserRole = .coordinator) {
        self.role = role
        self.width = width
        self.height = height
        self.today = today
        self.language = language
        let monday = today.mondayOfWeek
        planning = PlanningState(weekStart: monday)
        hoursWeek = monday
        invoicesPane = InvoicesPaneState(year: today.year)
    }

    /// The smallest usable terminal.
    public static let minimumWidth = 80
    public static let minimumHeight = 24

    public var tooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }
}

/// What happens to the interface.
public enum Msg: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    case loaded(Snapshot)
    case gridLoaded(PlanningWindow)
    case hoursLoaded([TimeEntry])
    /// The entries of `ids` as they are now (a deleted one is absent from `entries`).
    case entriesRefreshed(ids: Set<Int64>, entries: [TimeEntry])
    /// The stored plan's minutes in the Heures pane's week (for "prévu").
    case weekPlanLoaded([DayAllocation])
    /// The year's issued invoices; its drafts follow (`pendingInvoicesLoaded`).
    case invoicesLoaded(InvoiceBook)
    case pendingInvoicesLoaded(PendingInvoices)
    /// The issued invoice the Factures pane shows in detail, with its lines and hours statement.
    case issuedInvoiceLoaded(number: String, Invoice?)
    /// Something the invoices are made of changed while the Factures pane was not on screen:
    /// its book is computed again when it opens.
    case invoicesOutdated
    case closedMonthsLoaded([String])
    case failed(String)
    case impact(RequestImpact, ReplacementRequest)
    /// The preview's cost (nil: no tariff for `year`, or `missing` says what the scheme lacks).
    case estimated(CostEstimate?, year: Int, missing: CostEstimateMissing? = nil)
    case saved(String)
    /// A member or an agent was saved or deleted: close the form, say it, reload.
    case done(String)
    case saveFailed(String)
    /// A record's audit trail, newest first, or why it could not be read.
    case historyLoaded(HistoryTarget, [HistoryEntry], error: String?)
    case panelLoaded(PanelSubject, PanelContent, error: String?)
    /// What saving `settings` would change, in words, or why it could not be worked out.
    case conventionPreviewed([String], for: ServiceSettings, error: String?)
    /// The invoice's PDF is already there: ask before replacing it.
    case documentExists(number: String, path: String)
    /// The member's reminder letter is already there: ask before replacing it.
    case reminderExists(member: String, path: String)
    /// A slow effect started (what to say meanwhile) or every one ended (nil).
    case busy(String?)
    /// A read of the whole territory ended (after its `loaded` or `failed`).
    case territoryRead
    /// The activity report of a period, computed off the key loop.
    case reportLoaded(ReportScreen)
    /// The report could not be computed (`period` nil: the default one).
    case reportFailed(period: ReportPeriod?, String)
    /// The report's file is already at `path`: ask before replacing it.
    case reportFileExists(ReportFileKind, path: String)
    /// The report's file was written: what to tell the user (where).
    case reportWritten(String)
}

/// A document that is already at `path`; the interface asks before replacing it.
public struct DocumentExists: Error, Sendable, Equatable {
    public let path: String
    public init(path: String) { self.path = path }
}

extension Snapshot {
    /// The member `code` as read, for a form to claim when saving (version 0, which no row has,
    /// when the snapshot was read without versions: the save is then refused, never blind).
    func read(member code: String) -> ReadRecord? {
        membersByCode[code].map { .member($0, version: versions.members[code] ?? 0) }
    }

    func read(agent code: String) -> ReadRecord? {
        agentsByCode[code].map { .agent($0, version: versions.agents[code] ?? 0) }
    }

    func read(request: ReplacementRequest) -> ReadRecord {
        .request(request, version: versions.requests[request.id] ?? 0)
    }

    /// The tariff of `year`, when there is one (a new year's tariff has nothing to claim).
    func read(tariff year: Int) -> ReadRecord? {
        territory.tariffs.first { $0.year == year }.map { .tariff($0, version: versions.tariffs[String(year)] ?? 0) }
    }
}

/// What the interface asks the outside world to do; the program runs it and answers with a `Msg`.
public enum Effect: Equatable, Sendable {
    /// Reads again what is shown (after a save, or another session's change).
    case reload
    /// Reads the whole territory and its stored plan (list panes, forms).
    case loadAll
    /// Reads the planning grid's window.
    case loadGrid(GridQuery)
    case loadHours(from: CalendarDate, to: CalendarDate)
    /// Reads these time entries again (another session logged or changed them).
    case refreshEntries(Set<Int64>)
    /// Reads the week's hours (and closed months) again, not its planned minutes: hours logged
    /// elsewhere do not change the plan.
    case reloadLoggedHours(from: CalendarDate, to: CalendarDate)
    /// Reads a year's issued invoices, then computes its drafts (`loadPendingInvoices`).
    case loadInvoices(year: Int)
    /// Computes the drafts of a year not issued yet (its billing: a second or two nationally).
    case loadPendingInvoices(year: Int)
    /// One issued invoice in full (lines, hours statement), for the Factures pane's detail.
    case loadIssuedInvoice(number: String)
    case issueInvoices(year: Int, on: CalendarDate)
    /// A payment of `amountCents` (nil: what is left due).
    case recordPayment(number: String, on: CalendarDate, amountCents: Int?)
    case cancelInvoice(number: String, reason: String, on: CalendarDate)
    /// Writes an issued invoice's PDF; an existing file is replaced only when `replacing`.
    case writeInvoicePDF(number: String, replacing: Bool)
    /// Writes the reminder letter of a member's overdue invoices; an existing file is replaced
    /// only when `replacing`.
    case writeReminderPDF(member: String, replacing: Bool)
    case validateHours([Int64])
    /// Hours logged (`original` nil) or corrected by the coordinator; `original` as shown.
    case saveHours(TimeEntry, original: TimeEntry?)
    case deleteHours(TimeEntry)
    case validateWeek(agent: String, weekOf: CalendarDate)
    case closeMonth(String)
    case reopenMonth(String, reason: String)
    case previewRequest(ReplacementRequest)
    /// Saves what a record form typed, claiming the records it was opened on.
    case saveRecord(Territory, reads: [ReadRecord] = [])
    /// Changes or deletes one absence or rota slot, or sets a member's opening hours, claiming
    /// the agent or member the form read.
    case editRecord(RecordEdit, read: ReadRecord)
    case delete(PendingDeletion)
    case saveRequest(ReplacementRequest, isNew: Bool, read: ReadRecord? = nil)
    /// Reads the audit trail of one record (`H`).
    case loadHistory(HistoryTarget)
    case loadPanel(PanelSubject)
    /// The coordinator's assignment by hand (`agent` nil: back to the rules).
    case assign(request: String, agent: String?)
    /// What saving the convention form's settings would do to the requests (nothing written).
    case previewConvention(ServiceSettings)
    /// Saves the service's settings, refused if they are no longer `seen`.
    case saveConvention(ServiceSettings, seen: ServiceSettings)
    /// Computes the activity report of `period` (nil: the last whole period of the convention's
    /// `report_months` before today).
    case loadReport(ReportPeriod?)
    /// Writes the report of `period` as PDF or CSV; an existing file is replaced only when `replacing`.
    case writeReport(ReportFileKind, ReportPeriod, replacing: Bool)
    /// Records an answer to a commune or a mayor's evaluation (Demandes).
    case recordFollowUp(FollowUpEntry)
    /// Writes the evaluation form of a served mission into the documents folder.
    case writeEvaluationForm(request: String)
    case quit
}
