import Foundation
import Domain
import Testing
@testable import TUI

/// The convention form (`c`): fields, the effect on the requests before saving, then the save.
@Suite("Convention form")
struct ConventionFormTests {
    func retype(_ state: inout AppState, field: Int, _ text: String) {
        guard let form = state.conventionForm else { Issue.record("no form"); return }
        state.conventionForm?.focus = field
        for _ in form.fields[field].value { _ = press(&state, .backspace) }
        for c in text { _ = press(&state, .character(c)) }
    }

    static let weeklyCapField = 2 + Convention.Key.allCases.firstIndex(of: .maxHoursPerWeek)!

    @Test func enterShowsTheEffectThenSavesWhatWasShown() throws {
        var state = loadedState()
        _ = press(&state, .character("c"))
        let form = try #require(state.conventionForm)
        #expect(form.fields[1].value == "fee_and_hourly")
        #expect(form.fields[Self.weeklyCapField].value == "aucun")
        retype(&state, field: Self.weeklyCapField, "14h")
        let effects = press(&state, .enter)
        var expected = demoSnapshot.territory.service
        try expected.convention.set(.maxHoursPerWeek, .text("14:00"))
        #expect(effects == [.previewConvention(expected)])
        #expect(screen(state).joined().contains("Calcul de l'effet sur les demandes"))
        _ = update(&state, .conventionPreviewed(["Blanzy (D-2026-008) : accordée 79:48 sur 79:48 → accordée 53:12 sur 53:12"], for: expected, error: nil))
        let shown = screen(state).joined(separator: "\n")
        #expect(shown.contains("ce que la modification change"))
        #expect(shown.contains("Blanzy (D-2026-008) : accordée 79:48 sur 79:48 → accordée 53:12 sur 53:12"))
        #expect(press(&state, .enter) == [.saveConvention(expected, seen: demoSnapshot.territory.service)])
        _ = update(&state, .done("Convention enregistrée"))
        #expect(state.conventionForm == nil)
    }

    @Test func aChangedValueAfterThePreviewIsPreviewedAgain() throws {
        var state = loadedState()
        _ = press(&state, .character("c"))
        retype(&state, field: Self.weeklyCapField, "14:00")
        _ = press(&state, .enter)
        let previewed = try #require(state.conventionForm?.previewed)
        _ = update(&state, .conventionPreviewed([], for: previewed, error: nil))
        #expect(screen(state).joined().contains("Aucune demande n'en est changée"))
        _ = press(&state, .tab)
        #expect(state.conventionForm?.showingPreview == false)
        retype(&state, field: Self.weeklyCapField, "21:00")
        let effects = press(&state, .enter)
        guard case .previewConvention(let next)? = effects.first else { Issue.record("no preview: \(effects)"); return }
        #expect(next.convention.maxMinutesPerWeek == 21 * 60)
    }

    @Test func badValuesAreSaidAtTheirFieldAndNothingIsAsked() {
        var state = loadedState(width: 80, height: 24)
        _ = press(&state, .character("c"))
        retype(&state, field: Self.weeklyCapField, "beaucoup")
        #expect(press(&state, .enter).isEmpty)
        let lines = screen(state)
        #expect(lines.joined().contains("✗ attendu une durée H:MM de 0:05 à 60:00"))
        #expect(lines.count == 24)
    }

    @Test func aPresetFillsTheFieldsWithoutSaving() {
        var state = loadedState()
        _ = press(&state, .character("c"))
        retype(&state, field: 0, "cdg03")
        #expect(press(&state, .enter).isEmpty)
        let form = state.conventionForm
        #expect(form?.fields[1].value == "agent_cost")
        #expect(form?.fields[Self.weeklyCapField].value == "14:00")
        #expect(form?.notice?.contains("Allier") == true)
    }

    @Test func everyFieldIsReadableAt80x24() {
        var state = loadedState(width: 80, height: 24)
        _ = press(&state, .character("c"))
        let body = screen(state).joined(separator: "\n")
        for field in state.conventionForm?.fields ?? [] { #expect(body.contains(field.label), "\(field.label)") }
        #expect(body.contains("Tab suivant · Entrée voir l'effet, puis enregistrer · Échap annuler"))
        for i in 0..<(state.conventionForm?.fields.count ?? 0) {
            state.conventionForm?.focus = i
            let hint = ConventionFormState.expected(i, fieldCount: state.conventionForm?.fields.count ?? 0, .fr)
            #expect(screen(state).joined(separator: "\n").contains(hint), "\(hint)")
        }
    }

    @Test func anObserverCannotOpenIt() {
        var state = AppState(width: 120, height: 40, today: demoToday, role: .observer)
        _ = update(&state, .loaded(demoSnapshot))
        _ = press(&state, .character("c"))
        #expect(state.conventionForm == nil)
    }
}

@Suite("Form fields longer than their box")
struct LongFieldTests {
    @Test func theFieldBeingTypedShowsItsEndAndTheOthersTheirStart() {
        let text = "Préparation du budget primitif, paie de décembre, état civil"
        let typed = TextWidth.field(text, focused: true, width: 20)
        #expect(typed.hasPrefix("…") && typed.hasSuffix("état civil▏"))
        #expect(TextWidth.of(typed) <= 20)
        #expect(TextWidth.field(text, focused: false, width: 20) == TextWidth.truncate(text, to: 20))
        #expect(TextWidth.field("court", focused: true, width: 20) == "court▏")
    }
}

@Suite("Record form problems are wrapped, never cut")
struct RecordFormProblemTests {
    @Test func aBadDateIsSaidWholeAt80x24() {
        var state = loadedState(width: 80, height: 24)
        openRecordForm(.hours(original: nil, agent: "A1", member: "71040"), &state)
        state.recordForm?.fields[2].value = "31/02/2026"
        state.recordForm?.fields[3].value = "3:30"
        #expect(press(&state, .enter).isEmpty)
        let body = screen(state).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        let message = DataProblem.invalidUserDate("31/02/2026").message(in: .fr)
        let words = body.split(separator: " ").joined(separator: " ")
        for word in message.split(separator: " ") { #expect(words.contains(word), "\(word)") }
        #expect(!body.contains("J…"))
    }
}
