import Domain
import Foundation
import Testing
@testable import TUI

private let kioskToday = CalendarDate(year: 2026, month: 11, day: 18) ?? CalendarDate(dayNumber: 0)
private let kioskMonday = CalendarDate(year: 2026, month: 11, day: 16) ?? CalendarDate(dayNumber: 0)

/// Élodie's week: a rota morning, a mission, a holiday-free week with an absence on Friday.
private let elodieData = KioskData(
    days: (0..<7).map { offset in
        let day = kioskMonday.adding(days: offset)
        switch offset {
        case 0: return KioskDay(date: day, holiday: nil, absent: false, work: [
            KioskWork(member: "71413", memberName: "Saint-Firmin", minutes: 210, request: nil, time: TimeRange(start: 510, end: 720), half: .am),
            KioskWork(member: "71187", memberName: "Écuisses", minutes: 210, request: "D-2026-004", time: TimeRange(start: 810, end: 1020), half: .pm)])
        case 1, 2, 3: return KioskDay(date: day, holiday: nil, absent: false, work: [
            KioskWork(member: "71187", memberName: "Écuisses", minutes: 210, request: "D-2026-004", time: TimeRange(start: 510, end: 720), half: .am),
            KioskWork(member: "71187", memberName: "Écuisses", minutes: 210, request: "D-2026-004", time: TimeRange(start: 810, end: 1020), half: .pm)])
        case 4: return KioskDay(date: day, holiday: nil, absent: true, work: [])
        default: return KioskDay(date: day, holiday: nil, absent: false, work: [])
        }
    },
    entries: [
        KioskEntry(id: 12, date: kioskMonday, member: "71187", memberName: "Écuisses", minutes: 420, request: "D-2026-004",
                   validated: true, version: 1),
        KioskEntry(id: 15, date: kioskMonday.adding(days: 1), member: "71187", memberName: "Écuisses", minutes: 390,
                   request: "D-2026-004", validated: false, version: 3),
    ],
    members: [KioskMember(code: "71187", name: "Écuisses"), KioskMember(code: "71413", name: "Saint-Firmin"),
              KioskMember(code: "71441", name: "Saint-Julien-sur-Dheune")])

private func kioskScreen(_ state: KioskState) -> [String] {
    var buffer = Buffer(width: state.width, height: state.height)
    Kiosk.render(state, into: &buffer, theme: .builtIn)
    return buffer.lines
}

private func type(_ state: inout KioskState, _ text: String, at time: Double = 0) -> [KioskEffect] {
    text.flatMap { Kiosk.update(&state, .key(.character($0), at: time)) }
}

/// Signed in as Élodie, her week loaded.
private func signedInState(width: Int = 80, height: Int = 24) -> KioskState {
    var state = KioskState(width: width, height: height, today: kioskToday)
    _ = Kiosk.update(&state, .signedIn(.accepted(code: "A1", name: "Élodie Ferrand")))
    _ = Kiosk.update(&state, .loaded(elodieData))
    return state
}

@Suite("Kiosk (no terminal)")
struct KioskTests {
    @Test func signingInAsksTheCodeThenThePINAndMasksIt() {
        var state = KioskState(width: 80, height: 24, today: kioskToday)
        #expect(kioskScreen(state).joined().contains("Code agent"))
        #expect(type(&state, "a1").isEmpty)
        // The code is checked before the PIN is asked, case ignored.
        #expect(Kiosk.update(&state, .key(.enter, at: 1)) == [.checkCode("a1")])
        #expect(!state.signIn.askingPIN)
        _ = Kiosk.update(&state, .codeChecked(.known(code: "A1")))
        #expect(state.signIn.askingPIN && state.signIn.code == "A1")
        _ = type(&state, "12x34")  // letters are not PIN digits
        let screen = kioskScreen(state).joined(separator: "\n")
        #expect(screen.contains("••••"))
        #expect(!screen.contains("1234"))
        let effects = Kiosk.update(&state, .key(.enter, at: 2))
        #expect(effects == [.signIn(code: "A1", pin: "1234")])
        #expect(state.signIn.pin.isEmpty, "the PIN leaves the state once sent")
        #expect(kioskScreen(state).joined().contains("Vérification…"))
    }

    @Test func aWrongPINIsRefusedInFrenchAndTheCodeIsKept() {
        var state = KioskState(width: 80, height: 24, today: kioskToday)
        _ = type(&state, "A1")
        _ = Kiosk.update(&state, .key(.enter, at: 0))
        _ = Kiosk.update(&state, .codeChecked(.known(code: "A1")))
        _ = type(&state, "0000")
        _ = Kiosk.update(&state, .key(.enter, at: 0))
        _ = Kiosk.update(&state, .signedIn(.refused(message: "PIN incorrect : encore 4 essais avant le blocage.", retypeCode: false)))
        #expect(state.session == nil)
        #expect(state.signIn.askingPIN && state.signIn.code == "A1" && state.signIn.pin.isEmpty)
        #expect(kioskScreen(state).contains { $0.contains("PIN incorrect : encore 4 essais avant le blocage.") })
        // An unknown code: back to typing the code.
        _ = Kiosk.update(&state, .signedIn(.refused(message: "Code agent inconnu : Z.", retypeCode: true)))
        #expect(!state.signIn.askingPIN && state.signIn.code.isEmpty)
    }

    /// An unknown code is said at once, before any PIN is typed, and the code is typed again.
    @Test func anUnknownCodeIsSaidBeforeThePIN() {
        var state = KioskState(width: 80, height: 24, today: kioskToday)
        _ = type(&state, "Z9")
        #expect(Kiosk.update(&state, .key(.enter, at: 0)) == [.checkCode("Z9")])
        _ = Kiosk.update(&state, .codeChecked(.refused(message: "Code agent inconnu : Z9.")))
        #expect(!state.signIn.askingPIN && state.signIn.code.isEmpty)
        #expect(kioskScreen(state).contains { $0.contains("Code agent inconnu : Z9.") })
    }

    @Test func theRightPINShowsHerNameAndWeek() {
        var state = KioskState(width: 80, height: 24, today: kioskToday)
        let effects = Kiosk.update(&state, .signedIn(.accepted(code: "A1", name: "Élodie Ferrand")))
        #expect(effects == [.load(weekStart: kioskMonday, from: CalendarDate(year: 2026, month: 11, day: 1)!,
                                  to: CalendarDate(year: 2026, month: 11, day: 30)!)])
        _ = Kiosk.update(&state, .loaded(elodieData))
        let lines = kioskScreen(state)
        #expect(lines[0].contains("Élodie Ferrand · se déconnecter : Échap"))
        #expect(lines[1].contains("Ma semaine · du lun. 16 au ven. 20 novembre 2026"))
        // Where she is expected and when, half-day by half-day, wrapped rather than cut.
        let monday = lines.firstIndex { $0.hasPrefix("   lun. 16") } ?? 0
        #expect(lines[monday].contains("matin 08:30–12:00 · Saint-Firmin ;") && lines[monday].contains("prévu 7:00")
                && lines[monday].contains("saisi 7:00 ✓"), "\(lines[monday])")
        #expect(lines[monday + 1].contains("après-midi 13:30–17:00 · Écuisses (D-2026-004)"), "\(lines[monday + 1])")
        #expect(lines.first { $0.hasPrefix("   mar. 17") }?.contains("saisi 6:30") == true)
        #expect(lines.first { $0.contains("▸ mer. 18") }?.contains("à saisir") == true)
        #expect(lines.first { $0.hasPrefix("   ven. 20") }?.contains("absence prévue") == true)
        #expect(lines.contains { $0.contains("Mes heures · semaine 13:30 · novembre 2026 : 13:30") })
        #expect(lines.contains { $0.contains("à valider") } && lines.contains { $0.contains("validée") })
    }

    @Test(arguments: [(80, 24), (120, 40), (20, 5), (0, 0)])
    func everyScreenFitsAndNeverShowsInvoicesOrMotives(width: Int, height: Int) {
        var states = [KioskState(width: width, height: height, today: kioskToday), signedInState(width: width, height: height)]
        var withForm = signedInState(width: width, height: height)
        _ = Kiosk.update(&withForm, .key(.character("n"), at: 0))
        states.append(withForm)
        for state in states {
            let lines = kioskScreen(state)
            #expect(lines.count == height)
            #expect(lines.allSatisfy { TextWidth.of($0) == width })
            let text = lines.joined(separator: "\n").lowercased()
            for word in ["factur", "maladie", "congés", "conges", "formation", "maternité", "accident", "jérôme", "sandrine"] {
                #expect(!text.contains(word), "\(word) at \(width)×\(height)")
            }
            if width < 80 && width > 0 { #expect(lines[0].hasPrefix("Terminal trop petit")) }
        }
    }

    @Test func idleSignsHerOutWithAPinnedClock() {
        var state = signedInState()
        state.idleSeconds = 120
        _ = Kiosk.update(&state, .key(.down, at: 1_000))
        #expect(Kiosk.update(&state, .tick(at: 1_119)).isEmpty)
        #expect(state.session != nil)
        // A key resets the count.
        _ = Kiosk.update(&state, .key(.up, at: 1_100))
        #expect(Kiosk.update(&state, .tick(at: 1_219)).isEmpty)
        #expect(Kiosk.update(&state, .tick(at: 1_220)) == [.signOut])
        #expect(state.session == nil)
        let lines = kioskScreen(state)
        #expect(lines.contains { $0.contains("Session fermée après 2 min sans activité.") })
        #expect(lines.contains { $0.contains("Code agent") })
        #expect(!lines.joined().contains("Élodie"))
    }

    @Test func idleAlsoWipesAHalfTypedPIN() {
        var state = KioskState(width: 80, height: 24, today: kioskToday, idleSeconds: 30)
        _ = type(&state, "A1", at: 10)
        _ = Kiosk.update(&state, .key(.enter, at: 10))
        _ = Kiosk.update(&state, .codeChecked(.known(code: "A1")))
        _ = type(&state, "12", at: 11)
        _ = Kiosk.update(&state, .tick(at: 41))
        #expect(state.signIn.code.isEmpty && state.signIn.pin.isEmpty && !state.signIn.askingPIN)
    }

    @Test func escapeSignsOutButNeverQuits() {
        var state = signedInState()
        #expect(Kiosk.update(&state, .key(.escape, at: 5)) == [.signOut])
        #expect(state.session == nil)
        #expect(kioskScreen(state).contains { $0.contains("Code agent") })
        // On the sign-in screen, q and Escape quit nothing.
        #expect(Kiosk.update(&state, .key(.character("q"), at: 6)).isEmpty)
        #expect(Kiosk.update(&state, .key(.escape, at: 6)).isEmpty)
    }

    @Test func loggingHoursReadsTheFormLikeTheCommandLine() {
        var state = signedInState()
        _ = Kiosk.update(&state, .key(.character("n"), at: 0))
        let form = state.session?.form
        #expect(form?.date == "18/11/2026" && form?.member == "Écuisses" && form?.mission == "D-2026-004" && form?.field == .hours)
        _ = type(&state, "3,5")
        #expect(Kiosk.update(&state, .key(.enter, at: 0))
            == [.log(KioskDraft(date: kioskToday, member: "71187", minutes: 210, request: "D-2026-004"))])
        // A bad duration: the same French message as releve hours log, naming the field.
        _ = Kiosk.update(&state, .key(.backspace, at: 0))
        _ = type(&state, "x")
        #expect(Kiosk.update(&state, .key(.enter, at: 0)).isEmpty)
        #expect(state.isError && state.message?.hasPrefix("Heures : ") == true)
        // A member by the start of its name, accents ignored.
        _ = Kiosk.update(&state, .key(.backTab, at: 0))
        for _ in 0..<20 { _ = Kiosk.update(&state, .key(.backspace, at: 0)) }
        _ = type(&state, "saint-f")
        _ = Kiosk.update(&state, .key(.tab, at: 0))
        for _ in 0..<20 { _ = Kiosk.update(&state, .key(.backspace, at: 0)) }
        _ = type(&state, "2h")
        #expect(Kiosk.update(&state, .key(.enter, at: 0))
            == [.log(KioskDraft(date: kioskToday, member: "71413", minutes: 120, request: "D-2026-004"))])
        #expect(Kiosk.update(&state, .saved("Enregistré (n° 16) : 2:00 le mer. 18 nov. 2026.")).count == 1)
        #expect(state.session?.form == nil)
    }

    @Test func onlyUnvalidatedEntriesCanBeCorrectedOrDeleted() throws {
        var state = signedInState()
        // The first entry is validated.
        #expect(Kiosk.update(&state, .key(.character("e"), at: 0)).isEmpty)
        #expect(state.isError && state.session?.form == nil)
        #expect(Kiosk.update(&state, .key(.character("d"), at: 0)).isEmpty)
        #expect(state.session?.confirmingDelete == nil)
        _ = Kiosk.update(&state, .key(.down, at: 0))
        _ = Kiosk.update(&state, .key(.character("e"), at: 0))
        let entry = try #require(state.session?.data?.entries.first { $0.id == 15 })
        #expect(state.session?.form?.editing == entry && entry.version == 3 && state.session?.form?.hours == "6:30")
        for _ in 0..<4 { _ = Kiosk.update(&state, .key(.backspace, at: 0)) }
        _ = type(&state, "7")
        #expect(Kiosk.update(&state, .key(.enter, at: 0))
            == [.update(entry, KioskDraft(date: kioskMonday.adding(days: 1), member: "71187", minutes: 420, request: "D-2026-004"))])
        _ = Kiosk.update(&state, .key(.escape, at: 0))
        _ = Kiosk.update(&state, .key(.character("d"), at: 0))
        #expect(kioskScreen(state).contains { $0.contains("Supprimer la saisie n° 15") })
        #expect(Kiosk.update(&state, .key(.character("o"), at: 0)) == [.delete(entry)])
    }

    @Test func englishWithLangEn() {
        var state = signedInState()
        state.language = .en
        let text = kioskScreen(state).joined(separator: "\n")
        #expect(text.contains("My week") && text.contains("planned absence") && text.contains("sign out: Esc"))
    }
}

/// A data source that accepts PIN 2468 for A1 and records what it was asked.
private final class FakeKioskSource: KioskDataSource {
    var signedIn: String?
    var logged: [KioskDraft] = []
    var signOuts = 0
    /// Holds the PIN check until signalled (the worker's tests).
    var holdSignIn = false
    let gate = DispatchSemaphore(value: 0)

    func checkCode(_ code: String) -> KioskCodeCheck {
        code.uppercased() == "A1" ? .known(code: "A1") : .refused(message: "Code agent inconnu : \(code).")
    }

    func signIn(code: String, pin: String) -> KioskSignIn {
        if holdSignIn { gate.wait() }
        guard code == "A1", pin == "2468" else {
            return .refused(message: "PIN incorrect : encore 4 essais avant le blocage.", retypeCode: false)
        }
        signedIn = code
        return .accepted(code: "A1", name: "Élodie Ferrand")
    }

    func signOut() {
        signedIn = nil
        signOuts += 1
    }

    func load(weekStart: CalendarDate, from: CalendarDate, to: CalendarDate) throws -> KioskData { elodieData }
    func log(_ draft: KioskDraft) throws -> String {
        logged.append(draft)
        return "Enregistré."
    }
    func update(_ original: KioskEntry, _ draft: KioskDraft) throws -> String { "Corrigé." }
    func delete(_ original: KioskEntry) throws -> String { "Supprimé." }
    func changeToken() throws -> Int { 1 }
}

/// A terminal that keeps the last frame.
private final class RecordingTerminal: TerminalBackend {
    var size: (width: Int, height: Int) = (80, 24)
    var supportsUnicode = true
    var supportsColor = false
    var bytesWritten = 0
    var frames = 0
    func draw(_ changes: [Buffer.Change]) { frames += 1 }
    func readKey(timeoutMilliseconds: Int) -> KeyEvent? { nil }
}

@Suite("Kiosk program (no terminal)")
struct KioskProgramTests {
    @Test func signInLogAndIdleSignOutThroughTheLoop() {
        let source = FakeKioskSource()
        var now = 0.0
        let program = KioskProgram(backend: RecordingTerminal(), data: source,
                                   state: KioskState(width: 80, height: 24, today: kioskToday, idleSeconds: 120),
                                   theme: .builtIn, clock: { now })
        for c in "A1" { program.send(.key(.character(c), at: now)) }
        program.send(.key(.enter, at: now))
        for c in "2468" { program.send(.key(.character(c), at: now)) }
        program.send(.key(.enter, at: now))
        #expect(source.signedIn == "A1")
        #expect(program.state.session?.data == elodieData)
        program.send(.key(.character("n"), at: now))
        for c in "1:45" { program.send(.key(.character(c), at: now)) }
        program.send(.key(.enter, at: now))
        #expect(source.logged == [KioskDraft(date: kioskToday, member: "71187", minutes: 105, request: "D-2026-004")])
        now = 119
        program.send(.tick(at: now))
        #expect(source.signedIn == "A1")
        now = 120
        program.send(.tick(at: now))
        #expect(source.signedIn == nil && source.signOuts == 1)
        #expect(program.state.session == nil)
    }
}

@Suite("Kiosk program on the shared runtime (worker)")
struct KioskWorkerTests {
    @Test func thePINIsCheckedOffTheLoopAndKeysTypedMeanwhileWaitTheirTurn() {
        let source = FakeKioskSource()
        source.holdSignIn = true
        let program = KioskProgram(backend: RecordingTerminal(), data: source,
                                   state: KioskState(width: 80, height: 24, today: kioskToday, idleSeconds: 120),
                                   theme: .builtIn, clock: { 0 }, background: true)
        for c in "A1" { program.handle(.key(.character(c))) }
        program.handle(.key(.enter))
        for c in "2468" { program.handle(.key(.character(c))) }
        program.handle(.key(.enter))
        // The check runs on the worker: the loop still answers, and "n" waits for its result.
        #expect(program.isWorking)
        program.handle(.key(.character("n")))
        #expect(program.state.session == nil)
        source.gate.signal()
        while program.applyFinished() || program.isWorking { usleep(1_000) }
        _ = program.applyFinished()
        #expect(source.signedIn == "A1")
        #expect(program.state.session?.data == elodieData)
        // The "n" typed during the check opened the form once she was in.
        #expect(program.state.session?.form != nil)
    }
}
