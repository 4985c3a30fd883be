import Domain
import Testing
@testable import TUI

/// The demo's 2026 billing: the first draft issued as 2026-0001 on 2 November, the rest pending.
/// The issued invoice is a summary (its total, no lines), as the store's book gives it.
func demoInvoiceBook() -> InvoiceBook {
    let drafts = Billing.run(demoSnapshot.territory, year: 2026).filter { $0.totalCents != 0 }
    var issued = demoIssuedInvoice()
    issued.lines = []
    return InvoiceBook(year: 2026, issued: [issued], pending: Array(drafts.dropFirst()), memberNames: demoSnapshot.territory.memberNames)
}

/// 2026-0001 in full, as `issuedInvoice(number:)` reads it: the first draft's lines and a
/// statement of one entry.
func demoIssuedInvoice() -> Invoice {
    let first = Billing.run(demoSnapshot.territory, year: 2026).filter { $0.totalCents != 0 }[0]
    let issuedOn = CalendarDate(year: 2026, month: 11, day: 2) ?? demoToday
    let day = CalendarDate(year: 2026, month: 3, day: 9) ?? demoToday
    return Invoice(number: "2026-0001", year: 2026, member: first.member, kind: .annualFee, lines: first.lines,
                   statement: [StatementEntry(date: day, agent: "A1", agentName: "Agnès Barbier", minutes: 210, request: "D-2026-001")],
                   issued: issuedOn, due: Invoice.dueDate(issued: issuedOn, paymentDays: 30))
}

@Suite("Factures pane")
struct InvoicesPaneTests {
    func invoicesState(width: Int = 120, height: Int = 40, today: CalendarDate = demoToday) -> AppState {
        var state = AppState(width: width, height: height, today: today)
        _ = update(&state, .loaded(demoSnapshot))
        let effects = press(&state, .character("6"))
        #expect(effects == [.loadInvoices(year: 2026)])
        _ = update(&state, .invoicesLoaded(demoInvoiceBook()))
        return state
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func listsIssuedInvoicesThenDraftsWithTheirStatus(width: Int, height: Int) {
        let state = invoicesState(width: width, height: height)
        let lines = screen(state)
        #expect(lines.allSatisfy { TextWidth.of($0) == width })
        let body = lines.joined(separator: "\n")
        #expect(body.contains("Factures 2026 · 1 émises (210,00 €)"))
        #expect(lines[3].contains("2026-0001"))
        #expect(lines[3].contains("210,00 €"))
        #expect(lines[3].contains("émise"))
        #expect(lines[4].contains("brouillon"))
        #expect(lines[height - 1].contains("E émettre"))
        #expect(lines[height - 1].contains("x avoir"))
    }

    /// The issued invoices are shown as soon as they are read; the drafts (the year's billing,
    /// a second or two nationally) follow, and nothing is issued before they are known.
    @Test func theIssuedInvoicesComeFirstAndTheDraftsFollow() {
        let full = demoInvoiceBook()
        var state = AppState(width: 120, height: 40, today: demoToday)
        _ = update(&state, .loaded(demoSnapshot))
        _ = press(&state, .character("6"))
        let issued = InvoiceBook(year: 2026, issued: full.issued, pending: [], memberNames: [:], pendingComputed: false)
        #expect(update(&state, .invoicesLoaded(issued)) == [.loadPendingInvoices(year: 2026)])
        var body = screen(state).joined(separator: "\n")
        #expect(body.contains("Factures 2026 · 1 émises (210,00 €) · brouillons : calcul…"))
        #expect(body.contains("2026-0001"))
        #expect(!body.contains("brouillon "))
        #expect(press(&state, .character("E")).isEmpty)
        #expect(state.invoicesPane.prompt == nil)
        #expect(state.notice == "Les brouillons de 2026 sont en cours de calcul : un instant.")
        // Drafts of another year (the coordinator moved on) are dropped.
        _ = update(&state, .pendingInvoicesLoaded(PendingInvoices(year: 2025, drafts: full.pending, memberNames: full.memberNames)))
        #expect(state.invoicesPane.book?.pendingComputed == false)
        _ = update(&state, .pendingInvoicesLoaded(PendingInvoices(year: 2026, drafts: full.pending, memberNames: full.memberNames)))
        #expect(state.invoicesPane.book == full)
        body = screen(state).joined(separator: "\n")
        #expect(body.contains("· \(full.pending.count) à émettre ("))
        _ = press(&state, .character("E"))
        #expect(state.invoicesPane.prompt == .issue(count: full.pending.count, totalCents: full.pendingTotalCents))
    }

    @Test func anUnpaidInvoicePastItsDueDateIsOverdueInWordsNotOnlyColour() {
        let state = invoicesState(today: CalendarDate(year: 2026, month: 12, day: 3) ?? demoToday)
        let row = screen(state)[3]
        #expect(row.contains("en retard !"))
    }

    @Test func issuingAsksFirstThenIssuesTheYearOnToday() {
        var state = invoicesState()
        #expect(press(&state, .character("E")).isEmpty)
        #expect(screen(state).joined().contains("Émettre \(demoInvoiceBook().pending.count) factures de 2026"))
        #expect(press(&state, .character("n")).isEmpty)
        #expect(state.invoicesPane.prompt == nil)
        _ = press(&state, .character("E"))
        #expect(press(&state, .character("o")) == [.issueInvoices(year: 2026, on: demoToday)])
    }

    @Test func aPaymentDateIsCheckedBeforeAnythingIsWritten() {
        var state = invoicesState()
        _ = press(&state, .character("p"))
        #expect(state.invoicesPane.prompt == .payment(number: "2026-0001", date: "16/11/2026", amount: "210,00", onAmount: false))
        for _ in 0..<10 { _ = press(&state, .backspace) }
        let typed: [Key] = "30/02/2026".map { .character($0) }
        for key in typed { _ = press(&state, key) }
        #expect(press(&state, .enter).isEmpty)
        #expect(screen(state).joined().contains("date « 30/02/2026 » invalide"))
        for _ in 0..<10 { _ = press(&state, .backspace) }
        for key in "20/11/2026".map({ Key.character($0) }) { _ = press(&state, key) }
        #expect(press(&state, .enter) == [.recordPayment(number: "2026-0001", on: CalendarDate(year: 2026, month: 11, day: 20) ?? demoToday,
                                                         amountCents: 21_000)])
    }

    /// The payment's amount is prefilled with what is left due, and may be typed instead (Tab).
    @Test func aPartialPaymentIsTypedAfterTab() {
        var book = demoInvoiceBook()
        book.issued[0].paidCents = 5_000
        var state = invoicesState()
        _ = update(&state, .invoicesLoaded(book))
        let row = screen(state).joined(separator: "\n")
        #expect(row.contains("2026-0001"))
        _ = press(&state, .enter)
        _ = update(&state, .issuedInvoiceLoaded(number: "2026-0001", demoIssuedInvoice()))
        let detail = screen(state).joined(separator: "\n")
        #expect(detail.contains("émise · partiellement payée"))
        #expect(detail.contains("Payé 50,00 € · reste dû 160,00 €"))
        _ = press(&state, .escape, .character("p"))
        #expect(state.invoicesPane.prompt == .payment(number: "2026-0001", date: "16/11/2026", amount: "160,00", onAmount: false))
        #expect(screen(state).joined(separator: "\n").contains("(reste dû 160,00 €)"))
        _ = press(&state, .tab)
        for _ in 0..<6 { _ = press(&state, .backspace) }
        for key in "abc".map({ Key.character($0) }) { _ = press(&state, key) }
        #expect(press(&state, .enter).isEmpty)
        #expect(state.invoicesPane.promptError == "montant « abc » invalide : par exemple 250,00")
        for _ in 0..<3 { _ = press(&state, .backspace) }
        for key in "100.5".map({ Key.character($0) }) { _ = press(&state, key) }
        #expect(press(&state, .enter) == [.recordPayment(number: "2026-0001", on: demoToday, amountCents: 10_050)])
    }

    /// L writes the reminder letter of the member of the row (an issued invoice or a draft),
    /// asking before replacing an existing file, as f does for an invoice's PDF.
    @Test func theReminderLetterGoesToTheMemberOfTheRow() {
        var state = invoicesState()
        let member = demoInvoiceBook().issued[0].member
        #expect(press(&state, .character("L")) == [.writeReminderPDF(member: member, replacing: false)])
        _ = update(&state, .reminderExists(member: member, path: "/x/relance-\(member)-2026-11-16.pdf"))
        #expect(screen(state).joined(separator: "\n").contains("Remplacer la lettre de relance (\(member)) ?"))
        #expect(press(&state, .character("n")).isEmpty)
        #expect(state.notice == "Lettre de relance non écrite : le fichier existant est gardé.")
        _ = update(&state, .reminderExists(member: member, path: "/x/relance.pdf"))
        #expect(press(&state, .character("o")) == [.writeReminderPDF(member: member, replacing: true)])
        _ = press(&state, .down)
        let draftMember = demoInvoiceBook().pending[0].member
        #expect(press(&state, .character("L")) == [.writeReminderPDF(member: draftMember, replacing: false)])
        #expect(screen(state)[state.height - 1].contains("L relance") || state.width < 120)
    }

    @Test func aCreditNoteNeedsAReason() {
        var state = invoicesState()
        _ = press(&state, .character("x"))
        #expect(press(&state, .enter).isEmpty)
        #expect(state.invoicesPane.promptError == "le motif est obligatoire")
        for key in "Doublon".map({ Key.character($0) }) { _ = press(&state, key) }
        #expect(press(&state, .enter) == [.cancelInvoice(number: "2026-0001", reason: "Doublon", on: demoToday)])
    }

    @Test func draftsHaveNoPDFAndTheYearChangesWithBrackets() {
        var state = invoicesState()
        #expect(press(&state, .character("f")) == [.writeInvoicePDF(number: "2026-0001", replacing: false)])
        _ = press(&state, .down)
        #expect(press(&state, .character("f")).isEmpty)
        #expect(state.notice?.contains("Un brouillon n'a pas de PDF") == true)
        #expect(press(&state, .character("p")).isEmpty)
        #expect(state.invoicesPane.prompt == nil)
        #expect(press(&state, .character("[")) == [.loadInvoices(year: 2025)])
        #expect(screen(state).joined().contains("Calcul des factures de 2025"))
    }

    @Test func anExistingPDFIsReplacedOnlyAfterAYes() {
        var state = invoicesState()
        #expect(press(&state, .character("f")) == [.writeInvoicePDF(number: "2026-0001", replacing: false)])
        _ = update(&state, .documentExists(number: "2026-0001", path: "/home/c/releve-documents/2026-0001.pdf"))
        let asked = screen(state).joined(separator: "\n")
        #expect(asked.contains("Remplacer le PDF de 2026-0001 ?"))
        #expect(asked.contains("/home/c/releve-documents/2026-0001.pdf"))
        #expect(asked.contains("o : le remplacer · toute autre touche : le garder"))
        #expect(press(&state, .character("n")).isEmpty)
        #expect(state.invoicesPane.prompt == nil)
        #expect(state.notice == "PDF de 2026-0001 non écrit : le fichier existant est gardé.")
        _ = update(&state, .documentExists(number: "2026-0001", path: "/x/2026-0001.pdf"))
        #expect(press(&state, .character("o")) == [.writeInvoicePDF(number: "2026-0001", replacing: true)])
    }

    @Test func enterShowsTheLinesAndTheHoursStatement() {
        var state = invoicesState()
        _ = press(&state, .down, .down, .enter)
        let body = screen(state).joined(separator: "\n")
        #expect(body.contains("Relevé d'heures"))
        #expect(body.contains(" × "))
    }

    /// An issued invoice's lines and hours statement are read when its detail opens, once, and
    /// shown with the agents' names; its total is shown meanwhile.
    @Test func anIssuedInvoiceIsReadInFullWhenShown() {
        var state = invoicesState()
        let full = demoIssuedInvoice()
        let effects = press(&state, .enter)
        #expect(effects == [.loadIssuedInvoice(number: "2026-0001")])
        let reading = screen(state).joined(separator: "\n")
        #expect(reading.contains("Lignes et relevé d'heures : lecture…"))
        #expect(reading.contains("Total \(DisplayFormat(.fr).money(full.totalCents))"))
        #expect(press(&state, .character("x")).isEmpty, "asked once while it is read")
        _ = update(&state, .issuedInvoiceLoaded(number: "2026-0001", full))
        let body = screen(state).joined(separator: "\n")
        #expect(!body.contains("lecture…"))
        #expect(body.contains(full.lines[0].label))
        #expect(body.contains("Relevé d'heures : 1 saisies, 3:30"))
        #expect(body.contains("Agnès Barbier"))
        #expect(press(&state, .down, .up).isEmpty, "kept once read")
    }

    /// Coming back to Factures shows the book already computed, unless something it is made of
    /// changed meanwhile (a save here, a commit elsewhere).
    @Test func theBookIsComputedAgainOnlyWhenSomethingChanged() {
        var state = invoicesState()
        #expect(press(&state, .character("1")).allSatisfy { if case .loadInvoices = $0 { false } else { true } })
        #expect(press(&state, .character("6")).isEmpty)
        #expect(screen(state).joined().contains("Factures 2026 · 1 émises"))
        _ = press(&state, .character("1"))
        _ = update(&state, .done("Enregistré : Oyé."))
        #expect(press(&state, .character("6")) == [.loadInvoices(year: 2026)])
        _ = update(&state, .invoicesLoaded(demoInvoiceBook()))
        _ = press(&state, .character("1"))
        _ = update(&state, .invoicesOutdated)
        #expect(press(&state, .character("6")) == [.loadInvoices(year: 2026)])
    }

    @Test func theYearsTariffIsEditedInAFormWithFrenchChecks() {
        var state = invoicesState()
        _ = press(&state, .character("T"))
        guard let form = state.recordForm else { Issue.record("no tariff form"); return }
        #expect(form.kind == .tariff(year: 2026))
        #expect(form.fields.map(\.value).prefix(4) == ["30,00", "7:00", "non", "1-999 : 210,00 / 1 j"])
        #expect(screen(state).joined().contains("Tarif 2026"))
        for _ in 0..<5 { _ = press(&state, .backspace) }
        for key in "31,5".map({ Key.character($0) }) { _ = press(&state, key) }
        // A band that does not follow the previous one is refused, in French, on its line.
        _ = press(&state, .down, .down, .down, .down)
        for _ in 0..<30 { _ = press(&state, .backspace) }
        for key in "1200-2499 : 420 / 2 j".map({ Key.character($0) }) { _ = press(&state, key) }
        #expect(press(&state, .enter).isEmpty)
        #expect(state.recordForm?.problems[4]?.contains("juste après la précédente") == true)
        for _ in 0..<30 { _ = press(&state, .backspace) }
        for key in "1000-2499 : 420 / 2 j".map({ Key.character($0) }) { _ = press(&state, key) }
        guard case .saveRecord(let change, _) = press(&state, .enter).first else {
            Issue.record("no save: \(String(describing: state.recordForm?.problems))")
            return
        }
        #expect(change.tariffs.first?.hourlyRateCents == 3150)
        #expect(change.tariffs.first?.bands.count == 5)
        #expect(change.tariffs.first?.bands.last?.maxPopulation == nil)
    }

    @Test func theTariffFormTakesTheDayRateAndTheAgentCostAmounts() {
        var state = invoicesState()
        _ = press(&state, .character("T"))
        guard var form = state.recordForm else { Issue.record("no tariff form"); return }
        let d = 3 + 6
        #expect(form.fields[d...].map(\.value) == ["", "", "", "", ""], "the demo's tariff has none")
        #expect(screen(state).joined().contains("Prix de la journée"))
        for (i, value) in ["250", "6:00", "50,00", "1,4", "25"].enumerated() { form.fields[d + i].value = value }
        state.recordForm = form
        guard case .saveRecord(let change, _) = press(&state, .enter).first else {
            Issue.record("no save: \(String(describing: state.recordForm?.problems))")
            return
        }
        #expect(change.tariffs.first?.dayRate == DayRate(dayRateCents: 25_000, dayMinutes: 360, extraHourlyRateCents: 5_000))
        #expect(change.tariffs.first?.agentCost == AgentCostRate(coefficientHundredths: 140, monthlyAgentFeeCents: 2_500))
        // Half a day rate is refused on its line.
        form.fields[d + 1].value = ""
        form.fields[d + 3].value = "beaucoup"
        state.recordForm = form
        #expect(press(&state, .enter).isEmpty)
        #expect(state.recordForm?.problems[d + 1] != nil)
        #expect(state.recordForm?.problems[d + 3]?.contains("coefficient « beaucoup » invalide") == true)
    }

    @Test func anObserverCannotEditTheTariff() {
        var state = AppState(width: 120, height: 40, today: demoToday, role: .observer)
        _ = update(&state, .loaded(demoSnapshot))
        _ = press(&state, .character("6"))
        #expect(press(&state, .character("T")).isEmpty)
        #expect(state.recordForm == nil)
        #expect(state.notice?.hasPrefix("lecture seule") == true)
    }
}

@Suite("Heures: validation and closed months")
struct HoursValidationPaneTests {
    func hoursState() -> AppState {
        var state = loadedState()
        let effects = press(&state, .character("5"))
        #expect(effects.contains(.loadHours(from: state.hoursWeek, to: state.hoursWeek.adding(days: 6))))
        let monday = state.hoursWeek
        var entries = [TimeEntry(id: 1, agent: "A1", member: "71413", date: monday, minutes: 180),
                       TimeEntry(id: 2, agent: "A1", member: "71413", date: monday.adding(days: 1), minutes: 120, validated: true),
                       TimeEntry(id: 3, agent: "A2", member: "71040", date: monday, minutes: 60)]
        entries.sort { ($0.id ?? 0) < ($1.id ?? 0) }
        _ = update(&state, .hoursLoaded(entries))
        _ = update(&state, .closedMonthsLoaded([]))
        return state
    }

    @Test func aRowOrOneEntryOrTheAgentsWeekIsValidated() {
        var state = hoursState()
        #expect(screen(state).joined().contains("V valider"))
        #expect(press(&state, .character("V")) == [.validateHours([1])])
        _ = press(&state, .enter)
        #expect(screen(state).joined().contains("à valider"))
        _ = press(&state, .down)
        #expect(press(&state, .character("V")).isEmpty)
        #expect(state.notice == "Déjà validé.")
        _ = press(&state, .escape, .down)
        #expect(press(&state, .character("S")) == [.validateWeek(agent: "A2", weekOf: state.hoursWeek)])
    }

    @Test func closingAsksFirstAndReopeningNeedsAReason() {
        var state = hoursState()
        let month = String(state.hoursWeek.iso.prefix(7))
        _ = press(&state, .character("C"))
        #expect(screen(state).joined().contains("Clore le mois \(DisplayFormat.de(DisplayFormat(.fr).month(month)))"))
        #expect(!screen(state).joined().contains(month), "no ISO month in French")
        #expect(press(&state, .character("o")) == [.closeMonth(month)])
        _ = update(&state, .closedMonthsLoaded([month]))
        #expect(screen(state).joined().contains("\(DisplayFormat(.fr).month(month)) clos"))
        _ = press(&state, .character("O"))
        #expect(press(&state, .enter).isEmpty)
        #expect(state.hoursPane.promptError == "le motif est obligatoire")
        for key in "Oubli".map({ Key.character($0) }) { _ = press(&state, key) }
        #expect(press(&state, .enter) == [.reopenMonth(month, reason: "Oubli")])
    }

    @Test func anObserverValidatesNothing() {
        var state = AppState(width: 120, height: 40, today: demoToday, role: .observer)
        _ = update(&state, .loaded(demoSnapshot))
        _ = press(&state, .character("5"))
        for key in ["V", "S", "C", "O"] { #expect(press(&state, .character(Character(key))).isEmpty) }
        #expect(state.hoursPane.prompt == nil)
    }
}

/// The coordinator corrects hours in Heures (issue 12): n logs, e corrects the entry chosen, d
/// deletes it after "o"; a validated entry says it will need validating again.
@Suite struct HoursCorrectionPaneTests {
    func typed(_ state: inout AppState, _ text: String) {
        for c in text { _ = press(&state, .character(c)) }
    }

    @Test func newHoursArePrefilledFromTheRowAndSaved() throws {
        var state = HoursValidationPaneTests().hoursState()
        _ = press(&state, .character("n"))
        let form = try #require(state.recordForm)
        #expect(form.fields.map(\.value).prefix(2) == ["A1", "Saint-Firmin"])
        #expect(form.focus == 3)
        typed(&state, "3,5")
        let effects = press(&state, .enter)
        let day = try #require(CalendarDate.parseUserInput(form.fields[2].value))
        #expect(effects == [.saveHours(TimeEntry(agent: "A1", member: "71413", date: day, minutes: 210), original: nil)])
        #expect(screen(state).joined().contains("Saisir des heures"))
    }

    @Test func theChosenEntryIsCorrectedOrDeleted() throws {
        var state = HoursValidationPaneTests().hoursState()
        // Two entries on the row: e asks to choose one first.
        #expect(press(&state, .character("e")).isEmpty)
        #expect(state.notice?.contains("Entrée pour voir les saisies") == true)
        _ = press(&state, .enter, .down)
        _ = press(&state, .character("e"))
        let form = try #require(state.recordForm)
        #expect(screen(state).joined().contains("Corriger la saisie n° 2 (validée : elle sera à valider de nouveau)"))
        #expect(form.fields[3].value == "2:00")
        _ = press(&state, .backspace, .backspace, .backspace, .backspace)
        typed(&state, "2:30")
        let original = TimeEntry(id: 2, agent: "A1", member: "71413", date: state.hoursWeek.adding(days: 1), minutes: 120, validated: true)
        var corrected = original
        corrected.minutes = 150
        corrected.validated = false
        #expect(press(&state, .enter) == [.saveHours(corrected, original: original)])
        // A bad value is said in the field and nothing is sent.
        state.recordForm = nil
        _ = press(&state, .character("e"))
        _ = press(&state, .backspace, .backspace, .backspace, .backspace)
        typed(&state, "abc")
        #expect(press(&state, .enter).isEmpty)
        #expect(state.recordForm?.problems[3] != nil)
        state.recordForm = nil
        _ = press(&state, .character("d"))
        #expect(screen(state).joined().contains("Supprimer la saisie n° 2"))
        #expect(press(&state, .character("o")) == [.deleteHours(original)])
    }
}
