import Domain
import Foundation
import Testing
@testable import TUI

private func type(_ state: inout AppState, _ text: String) {
    for c in text { _ = press(&state, .character(c)) }
}

/// Empties the focused field of the open form.
private func clearField(_ state: inout AppState) {
    let count = state.recordForm.map { $0.fields[$0.focus].value.count } ?? 0
    for _ in 0..<count { _ = press(&state, .backspace) }
}

private func fits(_ lines: [String], _ width: Int, _ height: Int) -> Bool {
    lines.count == height && lines.allSatisfy { TextWidth.of($0) == width }
}

@Suite("Absences and rota slots: list, edit, delete")
struct AgentItemsTests {
    /// The first agent of the Agents pane, with its absences as the overlay lists them.
    func firstAgent(_ state: AppState) throws -> Agent { try #require(state.agentRows.first) }

    @Test(arguments: [(80, 24), (120, 40)])
    func theAbsencesListShowsACursorAndItsKeys(width: Int, height: Int) throws {
        var state = loadedState(width: width, height: height)
        _ = press(&state, .character("4"), .character("A"))
        let agent = try firstAgent(state)
        #expect(state.agentItems == AgentItemsState(kind: .absences, agent: agent.code))
        var lines = screen(state)
        #expect(fits(lines, width, height))
        var body = lines.joined(separator: "\n")
        #expect(body.contains("Absences d'\(agent.name) · \(agent.absences.count)"))
        #expect(body.contains("e modifier · d supprimer · n ajouter"))
        let first = try #require(agent.absences.sorted().first)
        #expect(body.contains("du \(DisplayFormat(.fr).date(first.from))"))
        _ = press(&state, .character("d"))
        lines = screen(state)
        #expect(fits(lines, width, height))
        body = lines.joined(separator: "\n")
        #expect(body.contains("Supprimer l'absence du \(DisplayFormat(.fr).date(first.from))"))
        #expect(body.contains("o : oui · autre touche : non"))
        // R switches to the rota of the same agent.
        _ = press(&state, .character("n"), .character("R"))
        body = screen(state).joined(separator: "\n")
        #expect(body.contains("Tournée d'\(agent.name) · \(agent.rota.count) plage(s)"))
        _ = press(&state, .escape)
        #expect(state.agentItems == nil)
    }

    @Test func anAbsenceIsEditedWithAPrefilledForm() throws {
        var state = loadedState()
        _ = press(&state, .character("4"), .character("A"), .down)
        let agent = try firstAgent(state)
        let absences = agent.absences.sorted()
        try #require(absences.count >= 2)
        #expect(press(&state, .character("e")).isEmpty)
        guard case .editAbsence(let code, let original)? = state.recordForm?.kind else {
            Issue.record("no edit form")
            return
        }
        #expect(code == agent.code)
        #expect(original == absences[1])
        let format = DisplayFormat(.fr)
        #expect(state.recordForm?.fields.map(\.value) == [format.numericDate(original.from), format.numericDate(original.to), original.kind.rawValue])
        #expect(screen(state).joined().contains("Modifier une absence d'\(agent.name) (\(agent.code))"))
        // A bad date, then an end before the start, are said on their field.
        _ = press(&state, .tab)
        clearField(&state)
        type(&state, "31/02/2026")
        #expect(press(&state, .enter).isEmpty)
        #expect(state.recordForm?.problems[1]?.contains("31/02/2026") == true)
        clearField(&state)
        type(&state, format.numericDate(original.from.adding(days: -1)))
        #expect(press(&state, .enter).isEmpty)
        #expect(state.recordForm?.problems[1]?.contains("avant le début") == true)
        // Overlapping the first absence is refused before saving.
        clearField(&state)
        type(&state, format.numericDate(original.to))
        _ = press(&state, .tab, .tab)
        clearField(&state)
        type(&state, format.numericDate(absences[0].to))
        #expect(press(&state, .enter).isEmpty)
        #expect(state.recordForm?.problems[0]?.contains("chevauche une autre absence") == true)
        clearField(&state)
        type(&state, format.numericDate(original.from))
        _ = press(&state, .tab, .tab)
        clearField(&state)
        type(&state, "maladie")
        let effects = press(&state, .enter)
        #expect(effects == [.editRecord(.updateAbsence(agent: agent.code, old: original,
                                                      new: Absence(from: original.from, to: original.to, kind: .maladie)),
                                         read: .agent(agent, version: 0))])
        // Saved: the form closes, the list stays open on the same row.
        #expect(update(&state, .done("Absence modifiée.")) == [.reload])
        #expect(state.recordForm == nil)
        #expect(state.agentItems?.cursor == 1)
    }

    @Test func anAbsenceIsDeletedOnlyAfterO() throws {
        var state = loadedState()
        _ = press(&state, .character("4"), .character("A"))
        let agent = try firstAgent(state)
        let first = try #require(agent.absences.sorted().first)
        #expect(press(&state, .character("d")).isEmpty)
        #expect(state.agentItems?.confirmingDeletion == true)
        #expect(press(&state, .character("n")).isEmpty)
        #expect(state.agentItems?.confirmingDeletion == false)
        _ = press(&state, .character("d"))
        #expect(press(&state, .character("o")) == [.editRecord(.deleteAbsence(agent: agent.code, first), read: .agent(agent, version: 0))])
        // A refusal (another session changed it) is said in the status bar, the list stays.
        _ = update(&state, .saveFailed("cette absence a été modifiée ou supprimée entre-temps"))
        #expect(screen(state)[39].contains("✗ cette absence a été modifiée"))
        #expect(state.agentItems != nil)
    }

    @Test func aRotaSlotIsEditedAndDeleted() throws {
        var state = loadedState()
        _ = press(&state, .character("4"), .character("R"))
        let agent = try firstAgent(state)
        let slot = try #require(agent.rota.sorted().first)
        _ = press(&state, .character("e"))
        guard case .editRota(_, let original)? = state.recordForm?.kind else {
            Issue.record("no rota form")
            return
        }
        #expect(original == slot)
        #expect(state.recordForm?.fields.map(\.value) == [slot.member, slot.day.rawValue, ClockText.format(slot.time.start), ClockText.format(slot.time.end)])
        _ = press(&state, .tab, .tab, .tab)
        clearField(&state)
        type(&state, "07:00")
        #expect(press(&state, .enter).isEmpty)
        #expect(state.recordForm?.problems[3] != nil)
        clearField(&state)
        let end = ClockText.format(slot.time.end - 30)
        type(&state, end)
        let effects = press(&state, .enter)
        #expect(effects == [.editRecord(.updateRota(agent: agent.code, old: slot,
                                                   new: RotaEntry(member: slot.member, day: slot.day, time: TimeRange(start: slot.time.start, end: slot.time.end - 30))),
                                         read: .agent(agent, version: 0))])
        _ = update(&state, .done("ok"))
        _ = press(&state, .character("d"))
        #expect(screen(state).joined().contains("Supprimer la plage"))
        #expect(press(&state, .character("o")) == [.editRecord(.deleteRota(agent: agent.code, slot), read: .agent(agent, version: 0))])
    }

    @Test func nInTheListAddsOfTheSameKind() {
        var state = loadedState()
        _ = press(&state, .character("4"), .character("R"), .character("n"))
        guard case .rota? = state.recordForm?.kind else {
            Issue.record("no new rota form")
            return
        }
        _ = press(&state, .escape)
        #expect(state.recordForm == nil)
        #expect(state.agentItems?.kind == .rota)
    }
}

@Suite("Opening hours form")
struct OpeningHoursFormTests {
    @Test(arguments: [(80, 24), (120, 40)])
    func theFormHasOneFieldPerWeekdayAndFits(width: Int, height: Int) throws {
        var state = loadedState(width: width, height: height)
        _ = press(&state, .character("3"))
        let member = try #require(state.memberRows.first { !$0.openingHours.ranges.isEmpty })
        let index = try #require(state.memberRows.firstIndex(of: member))
        for _ in 0..<index { _ = press(&state, .down) }
        _ = press(&state, .character("o"))
        #expect(state.recordForm?.kind == .openingHours(member: member.code, original: member.openingHours))
        #expect(state.recordForm?.fields.map(\.label) == ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"])
        #expect(state.recordForm?.fields[0].value == member.openingHours.on(.mon).map(OpeningHoursText.display).joined(separator: ", "))
        // Three bad days at once: each says what is wrong.
        for (day, text) in [(0, "8:30-12:00, 11:00-14:00"), (1, "25:00-26:00"), (2, "14:00-12:00")] {
            while state.recordForm?.focus != day { _ = press(&state, .tab) }
            clearField(&state)
            type(&state, text)
        }
        #expect(press(&state, .enter).isEmpty)
        let problems = state.recordForm?.problems ?? [:]
        #expect(problems[0] == "les plages 08:30-12:00 et 11:00-14:00 se chevauchent")
        #expect(problems[1]?.contains("heure « 25:00 » invalide") == true)
        #expect(problems[2]?.contains("la fin 12:00 précède le début 14:00") == true)
        #expect(state.recordForm?.focus == 0)
        let lines = screen(state)
        #expect(fits(lines, width, height))
        let body = lines.joined(separator: "\n")
        #expect(body.contains("Horaires d'ouverture \(DisplayFormat.de(member.name))"))
        #expect(body.contains("se chevauchent"))
        #expect(body.contains("vide : fermé"))
        #expect(body.contains("dimanche"))
    }

    @Test func validDaysAreSavedAsOneEdit() throws {
        var state = loadedState()
        _ = press(&state, .character("3"))
        let member = try #require(state.memberRows.first)
        _ = press(&state, .character("o"))
        let texts = ["08:30-12:00, 13:30-17:00", "8h30-12h", "", "13:30–17:00 ; 08:30-12:00", "", "09:00-11:30", ""]
        for (day, text) in texts.enumerated() {
            while state.recordForm?.focus != day { _ = press(&state, .tab) }
            clearField(&state)
            type(&state, text)
        }
        let expected = OpeningHours([
            .mon: [TimeRange(start: 510, end: 720), TimeRange(start: 810, end: 1020)],
            .tue: [TimeRange(start: 510, end: 720)],
            .thu: [TimeRange(start: 510, end: 720), TimeRange(start: 810, end: 1020)],
            .sat: [TimeRange(start: 540, end: 690)],
        ])
        #expect(press(&state, .enter) == [.editRecord(.openingHours(member: member.code, old: member.openingHours, new: expected), read: .member(member, version: 0))])
        #expect(update(&state, .done("Horaires d'ouverture enregistrés.")) == [.reload])
        #expect(state.recordForm == nil)
    }

    @Test func theHelpStillFitsAt80x24() {
        var state = loadedState(width: 80, height: 24)
        _ = press(&state, .character("?"))
        let lines = screen(state)
        #expect(fits(lines, 80, 24))
        let body = lines.joined(separator: "\n")
        #expect(body.contains("1…7"))
        #expect(body.contains("se déplacer"))
        let grouped: [Action] = [.pane1, .pane2, .pane3, .pane4, .pane5, .pane6, .pane7, .up, .down, .left, .right, .pageUp, .pageDown,
                                 .previousPeriod, .nextPeriod, .addAbsence, .addRota, .listAbsences, .listRota,
                                 .validateHours, .validateWeek, .closeMonth, .reopenMonth, .writePDF, .writeCSV, .editOpeningHours, .editMembership,
                                 .renew, .followUp, .answerRenewal, .recordEvaluation]
        for binding in KeyMap.bindings where !grouped.contains(binding.action) {
            #expect(body.contains(String(binding.french.prefix(16))), "\(binding.action)")
        }
        for group in ["a r", "A R", "o M", "V S", "C O", "f c", "r u a v"] { #expect(body.contains(group), "\(group)") }
        #expect(body.contains("Appuyez sur une touche pour fermer"))
    }
}

@Suite("Read-only observer")
struct ObserverTests {
    /// Every word that would tell an observer why an agent or a secretary is away.
    static let motiveWords = ["congé", "maladie", "malade", "maternité", "accident", "formation"]

    func observerState(width: Int = 120, height: Int = 40) -> AppState {
        var state = AppState(width: width, height: height, today: demoToday, role: .observer)
        _ = update(&state, .loaded(demoSnapshot))
        _ = update(&state, .hoursLoaded(demoSnapshot.territory.timeEntries))
        _ = update(&state, .invoicesLoaded(demoInvoiceBook()))
        return state
    }

    func coordinatorState(width: Int = 120, height: Int = 40) -> AppState {
        var state = loadedState(width: width, height: height)
        _ = update(&state, .hoursLoaded(demoSnapshot.territory.timeEntries))
        _ = update(&state, .invoicesLoaded(demoInvoiceBook()))
        return state
    }

    /// Every screen a user can reach by reading: each pane, each row's detail, each planning
    /// cell's detail over several weeks, the month and members views, the help.
    func everyScreen(_ start: AppState) -> [String] {
        var screens: [String] = []
        func shot(_ state: AppState) { screens.append(screen(state).joined(separator: "\n")) }
        for pane in Pane.allCases {
            var state = start
            _ = press(&state, .character(Character(String(pane.rawValue))))
            shot(state)
            if [.requests, .members, .agents].contains(pane) {
                _ = press(&state, .enter)
                let count = pane == .requests ? state.requestRows.count : pane == .members ? state.memberRows.count : state.agentRows.count
                for _ in 0..<count {
                    shot(state)
                    _ = press(&state, .down)
                }
            }
        }
        var planning = start
        _ = press(&planning, .character("1"))
        // From five weeks before the demo day to the Christmas leave.
        for _ in 0..<5 { _ = press(&planning, .character("[")) }
        for _ in 0..<12 {
            shot(planning)
            var detail = planning
            _ = press(&detail, .enter)
            for row in 0..<5 {
                for column in 0..<10 {
                    detail.planning.row = row
                    detail.planning.column = column
                    _ = update(&detail, .resize(width: detail.width, height: detail.height))
                    shot(detail)
                }
            }
            _ = press(&planning, .character("]"))
        }
        for keys in [[Key.character("m")], [.character("m"), .character("]")], [.character("v")]] {
            var state = planning
            for key in keys { _ = press(&state, key) }
            shot(state)
        }
        var help = start
        _ = press(&help, .character("?"))
        shot(help)
        return screens
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func noAbsenceMotiveIsEverShownToAnObserver(width: Int, height: Int) {
        let observed = everyScreen(observerState(width: width, height: height))
        for word in Self.motiveWords {
            #expect(!observed.contains { $0.localizedLowercase.contains(word) }, "\(word): \(observed.first { $0.localizedLowercase.contains(word) } ?? "")")
        }
        #expect(observed.contains { $0.contains("absent(e)") })
        #expect(observed.allSatisfy { $0.contains("lecture seule") || $0.contains("Aide · touches") })
        // The same screens tell the coordinator the motives: the test looks where they are.
        let coordinated = everyScreen(coordinatorState(width: width, height: height)).joined().localizedLowercase
        for word in ["congés", "formation", "maladie"] { #expect(coordinated.contains(word), "\(word)") }
    }

    @Test func everyEditingKeyIsRefusedAndNoFormOpens() {
        let editing = KeyMap.bindings.filter { $0.action.isEditing }
        #expect(Set(editing.flatMap(\.keys)) == Set(["n", "e", "d", "a", "r", "A", "R", "o", "M", "E", "p", "x", "T", "c", "V", "S", "C", "O", "v"].map { Key.character(Character($0)) }))
        // A key another binding means only in this pane (c in Rapports writes the CSV, r in
        // Demandes renews), or a binding that means its key only elsewhere, is checked there.
        func shadowed(_ pane: Pane, _ b: Binding) -> Bool {
            (b.onlyThere && !b.hintIn.contains(pane)) || KeyMap.bindings.contains { o in
                o.action != b.action && o.onlyThere && o.hintIn.contains(pane) && !Set(o.keys).isDisjoint(with: b.keys)
            }
        }
        for pane in Pane.allCases {
            for binding in editing where !shadowed(pane, binding) {
                var state = observerState()
                _ = press(&state, .character(Character(String(pane.rawValue))))
                for key in binding.keys {
                    #expect(press(&state, key).isEmpty, "\(pane) \(key)")
                    #expect(state.recordForm == nil && state.requestForm == nil && state.pendingDeletion == nil && state.agentItems == nil
                            && state.invoicesPane.prompt == nil, "\(pane) \(key)")
                    #expect(state.notice?.hasPrefix("lecture seule : « \(binding.french) »") == true, "\(pane) \(key)")
                    #expect(screen(state)[39].contains("lecture seule"))
                }
            }
        }
        // Reading still works.
        var state = observerState()
        _ = press(&state, .character("4"), .enter)
        #expect(state.agents.showDetail)
        #expect(!screen(state)[39].contains("n nouveau"))
    }

    @Test func theCoordinatorStillSeesMotives() {
        var state = loadedState()
        _ = press(&state, .character("4"), .character("A"))
        #expect(screen(state).joined().contains("congés"))
        #expect(state.role == .coordinator)
    }
}

@Suite("Week view at 80 columns")
struct NarrowWeekTests {
    @Test func halfDaysKeepAMarkerAndLettersAndWholeDaysAreWrittenOnce() throws {
        var state = loadedState(width: 80, height: 24)
        for _ in 0..<5 { _ = press(&state, .character("]")) }
        let lines = screen(state)
        #expect(lines[1].contains("Semaine 52"))
        let elodie = try #require(lines.first { $0.contains("Élodie") })
        // Leave and the holiday span the whole day instead of "con… con…".
        #expect(elodie.contains("congés    congés"))
        #expect(elodie.contains("férié"))
        // No cell wastes a column on an ellipsis (names are cut, the "×" kept).
        let cells = lines[4..<9].map { String($0.dropFirst(15).prefix(49)) }
        #expect(cells.allSatisfy { !$0.contains("…") }, "\(cells)")
        #expect(compactCell("×½Saint-Julien-sur-Dheune", width: 4) == "×Sai")
        #expect(compactCell(" " + abbreviated("Saint-Laurent-d'Andenay"), width: 4) == "StLa")
        #expect(compactCell(" Mary", width: 4) == "Mary")
        #expect(compactCell("·", width: 4) == "·")
    }
}

@Suite("Heures: planned versus logged")
struct PlannedVersusLoggedTests {
    @Test(arguments: [(80, 24), (120, 40)])
    func theHoursPaneComparesThePlanWithTheHoursLogged(width: Int, height: Int) throws {
        var state = loadedState(width: width, height: height)
        _ = update(&state, .hoursLoaded(demoSnapshot.territory.timeEntries))
        _ = press(&state, .character("5"), .character("["))
        let rows = state.plannedVersusLogged
        #expect(rows.count == demoSnapshot.agents.count)
        let lines = screen(state)
        #expect(lines.count == height && lines.allSatisfy { TextWidth.of($0) == width })
        let body = lines.joined(separator: "\n")
        #expect(body.contains("Prévu (plan enregistré) et saisi, par agent"))
        let sunday = state.hoursWeek.adding(days: 6)
        for row in rows {
            let logged = demoSnapshot.territory.timeEntries.filter { $0.agent == row.agent && $0.date >= state.hoursWeek && $0.date <= sunday }
            #expect(row.logged == logged.reduce(0) { $0 + $1.minutes })
            let line = try #require(lines.first { $0.contains(row.name) && $0.contains(signedDuration(row.difference)) })
            #expect(line.contains(DurationText.format(row.planned)))
        }
        // The same "prévu" as the planning grid's week (Monday to Friday, no weekend work here).
        _ = press(&state, .character("1"), .character("["))
        let planning = screen(state)
        for row in rows {
            let line = try #require(planning.first { $0.contains(String(row.name.prefix(12))) })
            #expect(line.contains("\(DurationText.format(row.planned))/"), "\(row.name)")
        }
    }

    @Test func signedDurations() {
        #expect(signedDuration(90) == "+1:30")
        #expect(signedDuration(-120) == "−2:00")
        #expect(signedDuration(0) == "0:00")
    }
}

@Suite("A refusal in a form is said whole")
struct FormRefusalTests {
    @Test(arguments: [(80, 24), (120, 40)])
    func aStaleEditIsWrappedNotCut(width: Int, height: Int) throws {
        var state = loadedState(width: width, height: height)
        _ = press(&state, .character("3"), .character("e"))
        let member = try #require(state.memberRows.first)
        var theirs = member
        theirs.name = member.name + "-sur-Dheune"
        theirs.population += 12
        let refusal = StaleEdit(original: .member(member, version: 1), current: .member(theirs, version: 2)).message(in: .fr)
        #expect(TextWidth.of(refusal) > width)
        _ = update(&state, .saveFailed(refusal))
        let lines = screen(state)
        #expect(fits(lines, width, height))
        // Every word of the refusal is on screen, in order, the new values included.
        let shown = lines.joined(separator: " ").split(separator: " ").joined(separator: " ")
        let said = refusal.split(separator: " ").joined(separator: " ")
        let words = said.split(separator: " ")
        #expect(words.allSatisfy { shown.contains($0) })
        #expect(shown.contains("population : \(member.population) → \(theirs.population)"))
        #expect(shown.contains("rouvrez le formulaire"))
    }
}
