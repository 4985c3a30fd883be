import Domain

/// Opens the convention form on the settings as last read (coordinator only).
func openConventionForm(_ state: inout AppState) -> [Effect] {
    guard state.role == .coordinator else { return [] }
    guard let snapshot = state.snapshot else {
        state.conventionFormPending = true
        return [.loadAll]
    }
    state.conventionForm = ConventionFormState(seen: snapshot.territory.service, language: state.language)
    return []
}

/// Typing in the convention form; Enter shows the effect, then saves what was previewed.
func editConventionForm(_ key: Key, _ state: inout AppState) -> [Effect] {
    guard var form = state.conventionForm else { return [] }
    let l = state.language
    if form.showingPreview, !form.confirmingCancel, let previewed = form.previewed {
        let count = form.preview?.count ?? 0
        switch key {
        case .pageDown, .pageUp, .down, .up:
            let step = key == .pageDown ? 8 : key == .pageUp ? -8 : key == .down ? 1 : -1
            form.previewScroll = max(0, min(max(0, count - 1), form.previewScroll + step))
            state.conventionForm = form
            return []
        case .enter:
            state.conventionForm = form
            return [.saveConvention(previewed, seen: form.seen)]
        case .escape: break
        default:
            // Back to the fields; the preview is kept for as long as they say the same.
            form.showingPreview = false
            state.conventionForm = form
            return []
        }
    }
    let index = form.focus
    let result = formKey(key, focus: &form.focus, fieldCount: form.fields.count, text: &form.fields[index].value,
                         modified: &form.modified, confirmingCancel: &form.confirmingCancel)
    var effects: [Effect] = []
    switch result {
    case .close:
        state.conventionForm = nil
        return []
    case .typed:
        form.error = nil
        form.notice = nil
    case .enter:
        let model = form.fields[0].value.trimmingSpaces().lowercased()
        if !model.isEmpty {
            guard let preset = ConventionPreset(rawValue: model) else {
                form.problems = [0: l.pick("modèle « \(model) » inconnu", "unknown preset \"\(model)\"")]
                break
            }
            var settings = form.seen
            preset.apply(to: &settings)
            let end = form.fields[form.fields.count - 1].value
            form.fields = ConventionFormState.fields(settings, l)
            form.fields[form.fields.count - 1].value = end
            form.problems = [:]
            form.notice = preset.source(l) + l.pick(" — Entrée pour voir ce que cela change.", " — Enter to see what it changes.")
            break
        }
        let parsed = ConventionFormParse.settings(form.fields, from: form.seen, l)
        form.problems = parsed.problems
        if let first = parsed.problems.keys.min() { form.focus = first }
        guard let next = parsed.settings else { break }
        if next == form.seen {
            form.notice = l.pick("Rien n'a changé.", "Nothing changed.")
        } else if form.previewed == next, form.preview != nil {
            form.showingPreview = true
        } else {
            form.preview = nil
            form.previewed = next
            form.previewScroll = 0
            form.notice = l.pick("Calcul de l'effet sur les demandes…", "Working out the effect on the requests…")
            effects = [.previewConvention(next)]
        }
    case .other: break
    }
    state.conventionForm = form
    return effects
}

/// The form's fields read back as the service's settings, or the problems by field.
enum ConventionFormParse {
    static func settings(_ fields: [FormField], from seen: ServiceSettings, _ l: Language) -> (settings: ServiceSettings?, problems: [Int: String]) {
        var s = seen
        var problems: [Int: String] = [:]
        let billing = fields[1].value.trimmingSpaces().lowercased()
        if let scheme = BillingScheme(rawValue: billing) { s.billing = scheme } else {
            problems[1] = l.pick("attendu fee_and_hourly, prorata_cost, day_rate ou agent_cost", "expected fee_and_hourly, prorata_cost, day_rate or agent_cost")
        }
        for (offset, key) in Convention.Key.allCases.enumerated() {
            let i = offset + 2
            // A field left as shown keeps its value (and whether the service gave it).
            if fields[i].value == ConventionFormState.typedValue(seen.convention, key, l) { continue }
            do { try s.convention.set(key, typed: fields[i].value) } catch {
                problems[i] = l.pick("attendu ", "expected ") + key.expected(in: l)
            }
        }
        let endIndex = fields.count - 1
        let end = fields[endIndex].value.trimmingSpaces()
        if end.isEmpty { s.conventionEnd = nil } else if let date = CalendarDate.parseUserInput(end) { s.conventionEnd = date } else {
            problems[endIndex] = DataProblem.invalidUserDate(end).message(in: l)
        }
        return (problems.isEmpty ? s : nil, problems)
    }
}

/// The preview came back: the lines say what saving changes; `error`, why it could not be made.
func conventionPreviewed(_ lines: [String], for settings: ServiceSettings, error: String?, _ state: inout AppState) {
    guard var form = state.conventionForm, form.previewed == settings else { return }
    form.notice = nil
    if let error {
        form.error = error
        form.previewed = nil
    } else {
        form.preview = lines
        form.previewScroll = 0
        form.showingPreview = true
    }
    state.conventionForm = form
}
