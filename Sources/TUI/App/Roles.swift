import Domain

// Who uses the interface (issue 5) is Domain's `UserRole`: the coordinator changes everything
// and sees the absence motives; an observer (an elected official, an auditor) reads the
// planning and the lists, changes nothing and never sees why an agent or a secretary is away.

extension Action {
    /// Actions that change data: refused in read-only mode.
    var isEditing: Bool {
        switch self {
        case .newItem, .editItem, .deleteItem, .addAbsence, .addRota, .listAbsences, .listRota, .editOpeningHours,
             .issueInvoices, .recordPayment, .cancelInvoice, .editTariff, .validateHours, .validateWeek, .closeMonth, .reopenMonth:
            return true
        default:
            return false
        }
    }
}

extension AppState {
    /// Whether absence motives (congés, maladie, formation…) may be shown.
    var seesMotives: Bool { role == .coordinator }

    /// What a refused key says to an observer.
    func readOnlyNotice(_ action: Action) -> String {
        let what = KeyMap.bindings.first { $0.action == action }?.description(language) ?? action.rawValue
        return language.pick("lecture seule : « \(what) » est réservé à la coordination",
                             "read-only: \"\(what)\" is for the coordinator only")
    }

    /// An agent's absence as this user may read it: the motive, or a neutral "absent(e)".
    func absenceText(_ kind: AbsenceKind) -> String {
        seesMotives ? absenceLabel(kind, language) : language.pick("absent(e)", "away")
    }

    /// A request's motive as this user may read it: an observer sees only the kind of need
    /// (a secretary's sickness or leave is personal data).
    func motiveText(_ motive: Motive) -> String {
        guard !seesMotives else { return motive.label(in: language) }
        switch motive.priorityClass {
        case .urgent: return language.pick("urgence", "urgent")
        case .absence: return language.pick("absence", "absence")
        case .mission: return motive.label(in: language)
        case .summer: return language.pick("été", "summer")
        }
    }

    /// A decision's reason as this user may read it.
    func reasonText(_ reason: ReasonCode) -> String {
        if !seesMotives, case .tourDeRole = reason { return language.pick("tour de rôle de l'été", "summer rota") }
        return reason.label(in: language)
    }
}
