import Domain

/// The shared-terminal interface for secretaries (`releve kiosk`): its own small Elm loop,
/// apart from the coordinator's interface. A secretary signs in with her code and PIN, sees
/// her own week and hours, logs and corrects them; idle, she is signed out.

/// Where the kiosk gets its data; the executable implements it over the database. Once
/// signed in, every call concerns the signed-in agent only: the source keeps who that is,
/// the interface never passes an agent code.
public protocol KioskDataSource: AnyObject {
    /// Whether the typed code is an agent's (case ignored) who has a PIN, before the PIN is asked.
    func checkCode(_ code: String) -> KioskCodeCheck
    /// Checks the code and PIN (counting failures); on success the source remembers the agent.
    func signIn(code: String, pin: String) -> KioskSignIn
    /// Forgets the agent (the audit trail stops naming her).
    func signOut()
    /// The signed-in agent's planned week from `weekStart` and her hours from `from` to `to`.
    func load(weekStart: CalendarDate, from: CalendarDate, to: CalendarDate) throws -> KioskData
    /// Records new hours for the signed-in agent; returns what to tell her.
    func log(_ draft: KioskDraft) throws -> String
    /// Changes one of her entries not validated yet, still as `original` (its version); returns
    /// what to tell her.
    func update(_ original: KioskEntry, _ draft: KioskDraft) throws -> String
    /// Deletes one of her entries not validated yet, still as `original`; returns what to tell her.
    func delete(_ original: KioskEntry) throws -> String
    /// Changes whenever another session commits.
    func changeToken() throws -> Int
}

/// The answer about a typed agent code.
public enum KioskCodeCheck: Hashable, Sendable {
    /// An agent's code, as stored ("a4" typed, "A4" known).
    case known(code: String)
    /// No such agent, or no PIN set yet: said before the PIN is asked.
    case refused(message: String)
}

/// The answer to a sign-in.
public enum KioskSignIn: Hashable, Sendable {
    case accepted(code: String, name: String)
    /// Refused, with the message to show; `retypeCode` when the code itself was not recognised.
    case refused(message: String, retypeCode: Bool)
}

/// Hours as typed in the form, already parsed (the member resolved to a code).
public struct KioskDraft: Hashable, Sendable {
    public var date: CalendarDate
    public var member: String
    public var minutes: Int
    public var request: String?

    public init(date: CalendarDate, member: String, minutes: Int, request: String?) {
        self.date = date
        self.member = member
        self.minutes = minutes
        self.request = request
    }
}

/// One planned half-day of her schedule at a member (rota slots included), or minutes the
/// schedule left to place (no time).
public struct KioskWork: Hashable, Sendable {
    public var member: String
    public var memberName: String
    public var minutes: Int
    public var request: String?
    public var time: TimeRange?
    public var half: Half?

    public init(member: String, memberName: String, minutes: Int, request: String?, time: TimeRange?, half: Half? = nil) {
        self.member = member
        self.memberName = memberName
        self.minutes = minutes
        self.request = request
        self.time = time
        self.half = half
    }
}

/// A day of her week: holiday, away (never why) or the work planned.
public struct KioskDay: Hashable, Sendable {
    public var date: CalendarDate
    public var holiday: String?
    public var absent: Bool
    public var work: [KioskWork]

    public init(date: CalendarDate, holiday: String?, absent: Bool, work: [KioskWork]) {
        self.date = date
        self.holiday = holiday
        self.absent = absent
        self.work = work
    }
}

/// One of her entries, with the row version used to detect changes made meanwhile.
public struct KioskEntry: Hashable, Sendable {
    public var id: Int64
    public var date: CalendarDate
    public var member: String
    public var memberName: String
    public var minutes: Int
    public var request: String?
    public var validated: Bool
    public var version: Int

    public init(id: Int64, date: CalendarDate, member: String, memberName: String, minutes: Int, request: String?,
                validated: Bool, version: Int) {
        self.id = id
        self.date = date
        self.member = member
        self.memberName = memberName
        self.minutes = minutes
        self.request = request
        self.validated = validated
        self.version = version
    }
}

/// What a load brings: her week, her hours, and the members she can log hours for.
public struct KioskData: Hashable, Sendable {
    public var days: [KioskDay]
    public var entries: [KioskEntry]
    public var members: [KioskMember]

    public init(days: [KioskDay], entries: [KioskEntry], members: [KioskMember]) {
        self.days = days
        self.entries = entries
        self.members = members
    }
}

public struct KioskMember: Hashable, Sendable {
    public var code: String
    public var name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}

/// The hours form: four text fields; `editing` names the entry being corrected.
public struct KioskForm: Hashable, Sendable {
    public enum Field: Int, CaseIterable, Sendable { case date, member, hours, mission }
    public var date: String
    public var member: String
    public var hours: String
    public var mission: String
    public var field: Field = .date
    /// The entry being corrected, as the form read it (its version is what saving claims),
    /// nil for new hours.
    public var editing: KioskEntry?

    public init(date: String, member: String, hours: String, mission: String) {
        self.date = date
        self.member = member
        self.hours = hours
        self.mission = mission
    }

    subscript(field: Field) -> String {
        get { [date, member, hours, mission][field.rawValue] }
        set {
            switch field {
            case .date: date = newValue
            case .member: member = newValue
            case .hours: hours = newValue
            case .mission: mission = newValue
            }
        }
    }
}

/// The signed-in secretary's session.
public struct KioskSession: Hashable, Sendable {
    public var code: String
    public var name: String
    /// Monday of the week shown.
    public var weekStart: CalendarDate
    public var data: KioskData?
    /// Index in `entries` (the hours list) of the selected entry.
    public var selected = 0
    public var form: KioskForm?
    /// The entry awaiting a delete confirmation.
    public var confirmingDelete: Int64?
    /// At the next load, select the week's first entry (after signing in or changing week).
    public var selectWeekOnLoad = true

    public init(code: String, name: String, weekStart: CalendarDate) {
        self.code = code
        self.name = name
        self.weekStart = weekStart
    }
}

/// The sign-in form: the code, then the PIN (never drawn, only its length as dots).
public struct KioskSignInForm: Hashable, Sendable {
    public var code = ""
    public var pin = ""
    public var askingPIN = false
    /// A check is under way (the PIN is slow to hash on purpose).
    public var checking = false

    public init() {}
}

/// The whole kiosk.
public struct KioskState: Sendable {
    public var width: Int
    public var height: Int
    public var today: CalendarDate
    public var language: Language
    /// Seconds without a key before the secretary is signed out.
    public var idleSeconds: Double
    /// When the last key was pressed (seconds of a monotonic clock the program gives).
    public var lastActivity: Double = 0
    public var signIn = KioskSignInForm()
    public var session: KioskSession?
    /// The last message: a confirmation, or a refusal when `isError`.
    public var message: String?
    public var isError = false
    public var unicode = true

    public init(width: Int, height: Int, today: CalendarDate, language: Language = .fr, idleSeconds: Double = 120) {
        self.width = width
        self.height = height
        self.today = today
        self.language = language
        self.idleSeconds = idleSeconds
    }

    public static let minimumWidth = 80
    public static let minimumHeight = 24
}

/// What happens to the kiosk.
public enum KioskMsg: Sendable {
    case key(Key, at: Double)
    /// The clock moved (sent every 100 ms or so when no key comes).
    case tick(at: Double)
    case resize(width: Int, height: Int)
    case codeChecked(KioskCodeCheck)
    case signedIn(KioskSignIn)
    case loaded(KioskData)
    /// A write went through: what to tell her.
    case saved(String)
    /// A read or write was refused: why, in her language.
    case failed(String)
}

/// Work for the program: every read and write of the database goes through these.
public enum KioskEffect: Hashable, Sendable {
    case checkCode(String)
    case signIn(code: String, pin: String)
    case signOut
    case load(weekStart: CalendarDate, from: CalendarDate, to: CalendarDate)
    case log(KioskDraft)
    /// Changes the entry as it was read (`KioskEntry`, with its version) into the draft.
    case update(KioskEntry, KioskDraft)
    case delete(KioskEntry)
}

extension KioskSession {
    /// Her entries in the week shown.
    public func weekEntries() -> [KioskEntry] {
        let end = weekStart.adding(days: 6)
        return (data?.entries ?? []).filter { $0.date >= weekStart && $0.date <= end }
    }
}
