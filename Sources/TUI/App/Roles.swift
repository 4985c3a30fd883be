import Domain

// Who uses the interface (issue 5) is Domain's `UserRole`: the coordinator changes everything
// and sees the absence motives; an observer (an elected official, an auditor) reads the
// planning and the lists, changes nothing and never sees why an agent or a secretary is away.

extension Action {
    /// Actions that change data: refused in read-only mode (the key table says which).
    var isEditing: Bool { KeyMap.binding(self)?.edits ?? false }
}

extension AppState {
    /// What this user may read: Domain's `ReadPolicy`, the one the command line and the
    /// documents ask too.
    var policy: ReadPolicy { ReadPolicy(role) }

    /// Whether absence motives (congés, maladie, formation…) may be shown.
    var seesMotives: Bool { policy.seesPrivateFields }

    /// What a refused key says to an observer.
    func readOnlyNotice(_ action: Action) -> String {
        let what = KeyMap.bindings.first { $0.action == action }?.description(language) ?? action.rawValue
        return language.pick("lecture seule : « \(what) » est réservé à la coordination",
                             "read-only: \"\(what)\" is for the coordinator only")
    }

    /// An agent's absence as this user may read it: the motive, or a neutral "absent(e)".
    func absenceText(_ kind: AbsenceKind) -> String { policy.absenceText(kind, language) }

    /// A request's motive as this user may read it.
    func motiveText(_ motive: Motive) -> String { policy.motiveText(motive, language) }

    /// A decision's reason as this user may read it.
    /// A reason with the requests it names said as people know them ("Génelard (D-2026-031)").
    func reasonText(_ reason: ReasonCode) -> String {
        policy.reasonText(reason, language, convention: snapshot?.territory.service.convention ?? .standard) {
            requestName($0, snapshot, language)
        }
    }

    /// "Passent avant, ces jours-là : Saint-Bérain-sous-Sanvignes (D-2026-024), petite commune,
    /// urgence (accident) ; …" for a request left short; nil when nothing went first.
    func wentFirstText(_ d: RequestDecision) -> String? {
        guard !d.wentFirst.isEmpty, let snapshot else { return nil }
        let l = language
        let names = d.wentFirst.map { id in
            requestName(id, snapshot, l) + (snapshot.decisions[id].map { ", " + policy.precedenceText($0, l) } ?? "")
        }
        return l.pick("Passent avant, les jours où elle manque d'heures : ", "Served first on the days it is short: ")
            + names.joined(separator: " ; ")
    }
}
