import Domain

/// The convention form over its pane: the fields, or what saving them changes.
func renderConventionForm(_ state: AppState, _ form: ConventionFormState, _ buffer: inout Buffer, _ theme: Theme, _ borders: BorderSet) {
    let l = state.language
    let width = min(buffer.width - 4, 100)
    let height = min(buffer.height - 2, form.fields.count + 8)
    let rect = Rect(x: (buffer.width - width) / 2, y: max(1, (buffer.height - height) / 2), width: width, height: height)
    buffer.fill(rect, style: theme.style(.normal))
    let title = form.showingPreview ? l.pick("Convention du service : ce que la modification change", "Service convention: what the change does")
        : l.pick("Convention du service", "Service convention")
    buffer.frame(rect, title: title, borders: borders, style: theme.style(.border), titleStyle: theme.style(.header))
    let inner = width - 4
    let cancelQuestion = l.pick("Abandonner les modifications ? o : oui, autre touche : non", "Discard the changes? y: yes, any other key: no")
    var y = rect.y + 1
    let last = rect.maxY - 2
    if form.showingPreview, let preview = form.preview {
        let lines = (preview.isEmpty ? [l.pick("Aucune demande n'en est changée.", "No request changes.")] : preview)
            .flatMap { TextWidth.wrap("• " + $0, width: inner) }
        let room = max(1, last - y - 1)
        let start = min(form.previewScroll, max(0, lines.count - room))
        let header = preview.isEmpty ? "" : l.pick("\(preview.count) demande\(preview.count > 1 ? "s" : "") changée\(preview.count > 1 ? "s" : "")",
                                                   "\(preview.count) request\(preview.count > 1 ? "s" : "") change")
            + (lines.count > room ? l.pick(" · lignes \(start + 1) à \(min(lines.count, start + room)) sur \(lines.count) (↑ ↓ PgSuiv PgPréc)",
                                           " · lines \(start + 1)–\(min(lines.count, start + room)) of \(lines.count) (↑ ↓ PgDn PgUp)") : "")
        buffer.put(header, x: rect.x + 2, y: y, style: theme.style(.dim), maxWidth: inner)
        y += 1
        for line in lines.dropFirst(start).prefix(room) {
            buffer.put(line, x: rect.x + 2, y: y, style: theme.style(.normal), maxWidth: inner)
            y += 1
        }
        let footer = form.confirmingCancel
            ? cancelQuestion
            : l.pick("Entrée enregistrer, le plan est recalculé · Tab champs · Échap annuler",
                     "Enter save (the plan is recomputed) · Tab back to the fields · Esc cancel")
        buffer.put(footer, x: rect.x + 2, y: last, style: theme.style(form.confirmingCancel ? .error : .hint), maxWidth: inner)
        return
    }
    let labelWidth = min(form.fields.map { TextWidth.of($0.label) }.max() ?? 20, inner - 25)
    for (i, field) in form.fields.enumerated() where y < last - 2 {
        let focused = i == form.focus
        buffer.put(TextWidth.truncate(field.label, to: labelWidth), x: rect.x + 2, y: y, style: theme.style(focused ? .header : .normal))
        let x = rect.x + 3 + labelWidth
        buffer.fill(Rect(x: x, y: y, width: rect.maxX - x - 2, height: 1), style: theme.style(focused ? .selected : .dim))
        buffer.put(TextWidth.field(field.value, focused: focused, width: rect.maxX - x - 2), x: x, y: y, style: theme.style(focused ? .selected : .normal), maxWidth: rect.maxX - x - 2)
        y += 1
    }
    // Under the fields: the focused field's problem, else what it takes; then a notice or an error.
    let about = form.problems[form.focus].map { "✗ " + $0 } ?? ConventionFormState.expected(form.focus, fieldCount: form.fields.count, l)
    buffer.put(about, x: rect.x + 2, y: last - 2, style: theme.style(form.problems[form.focus] == nil ? .dim : .error), maxWidth: inner)
    let others = form.problems.keys.filter { $0 != form.focus }.sorted()
    if let error = form.error {
        buffer.put("✗ " + error, x: rect.x + 2, y: last - 1, style: theme.style(.error), maxWidth: inner)
    } else if !others.isEmpty {
        buffer.put(l.pick("✗ à corriger aussi : ", "✗ also to correct: ") + others.map { form.fields[$0].label }.joined(separator: ", "),
                   x: rect.x + 2, y: last - 1, style: theme.style(.error), maxWidth: inner)
    } else if let notice = form.notice {
        buffer.put(notice, x: rect.x + 2, y: last - 1, style: theme.style(.dim), maxWidth: inner)
    }
    let footer = form.confirmingCancel
        ? cancelQuestion
        : l.pick("Tab suivant · Entrée voir l'effet, puis enregistrer · Échap annuler", "Tab next · Enter see the effect, then save · Esc cancel")
    buffer.put(footer, x: rect.x + 2, y: last, style: theme.style(form.confirmingCancel ? .error : .hint), maxWidth: inner)
}
