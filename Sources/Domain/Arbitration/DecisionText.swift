/// How decisions read for a coordinator (and a mayor), in French or English.
extension ReasonCode {
    /// `name` says a request as people know it ("Génelard (D-2026-031)"); ids by default. The
    /// limits are said as the service's convention sets them.
    public func label(in l: Language, name: (String) -> String = { $0 }, convention: Convention = .standard) -> String {
        switch self {
        case .urgent: return l.pick("urgence (P1)", "urgent (P1)")
        case .smallCommune: return l.pick("petite commune", "small commune")
        case .shortNotice: return l.pick("délai de prévenance non respecté", "short notice")
        case .capped:
            let m = convention.maxMonths ?? 2
            return l.pick("limitée à \(m) mois (renouvellement = nouvelle demande)", "capped at \(m) month\(m == 1 ? "" : "s") (renewal is a new request)")
        case .cappedWeekly:
            let h = DurationText.format(convention.maxMinutesPerWeek ?? 0)
            return l.pick("limitée à \(h) par semaine, plafond de la convention", "capped at \(h) a week, the convention's cap")
        case .refused(let refusal): return refusal.label(in: l, convention: convention)
        case .sharedWith(let ids):
            let names = ids.map(name).joined(separator: ", ")
            return l.pick("heures partagées avec \(names)", "hours shared with \(names)")
        case .preemptedBy(let id): return l.pick("interrompue par l'urgence \(name(id))", "ended by urgent request \(name(id))")
        case .tourDeRole: return l.pick("tour de rôle des congés d'été", "summer leave rota")
        case .noCapacity: return l.pick("pas assez d'agents disponibles certains jours", "not enough agent time on some days")
        }
    }
}

extension Refusal {
    /// `name` says a request as people know it ("Génelard (D-2026-031)"); ids by default.
    public func label(in l: Language, name: (String) -> String = { $0 }, convention: Convention = .standard) -> String {
        switch self {
        case .notMember: return l.pick("refusée : pas membre du service à la date de début", "refused: not a member on the start date")
        case .invalidPeriod: return l.pick("refusée : période invalide (fin avant début ou aucun jour ouvré)", "refused: invalid period (end before start or no working day)")
        case .belowMinDuration:
            let n = convention.minWorkingDays
            return n == 5 ? l.pick("refusée : moins d'une semaine (5 jours ouvrés)", "refused: less than a week (5 working days)")
                : l.pick("refusée : moins de \(n) jours ouvrés (durée minimale de la convention)",
                         "refused: fewer than \(n) working days (the convention's minimum)")
        }
    }
}

extension DecisionStatus {
    /// `name` says a request as people know it ("Génelard (D-2026-031)"); ids by default.
    public func label(in l: Language, name: (String) -> String = { $0 }) -> String {
        switch self {
        case .refused: return l.pick("refusée", "refused")
        case .granted: return l.pick("accordée", "granted")
        case .partial: return l.pick("partielle", "partial")
        case .unserved: return l.pick("en attente", "unserved")
        case .preempted: return l.pick("interrompue", "preempted")
        }
    }
}

extension UnplacedMinutes.Reason {
    /// Why minutes found no half-day, as the schedule, the grid and the contract say it.
    /// `name` says a request as people know it ("Génelard (D-2026-031)"); ids by default.
    public func label(in l: Language, name: (String) -> String = { $0 }) -> String {
        switch self {
        case .noHalfDayLeft: l.pick("plus de demi-journée libre ces jours-là", "no half-day left on those days")
        case .onePartialPerWeek: l.pick("la commune a déjà sa demi-journée incomplète de la semaine", "the member already has its incomplete half-day of the week")
        }
    }
}

/// A request as people know it: "Génelard (D-2026-031)", or for an implicit rota cover whose
/// rota it covers, where and when: "la tournée de Camille Roux à Mary le mar. 21 juil. 2026".
public enum RequestName {
    public static func say(_ id: String, memberName: String, rotaAgentName: String?, start: CalendarDate, _ l: Language) -> String {
        guard let agent = rotaAgentName else { return "\(memberName) (\(id))" }
        return l.pick("la tournée \(DisplayFormat.de(agent)) à \(memberName) le \(DisplayFormat(l).date(start))",
                      "\(agent)'s rota at \(memberName) on \(DisplayFormat(l).date(start))")
    }

    /// The same for a decision, with the territory's names by code.
    public static func say(_ d: RequestDecision, members: [String: String], agents: [String: String], _ l: Language) -> String {
        let absent = d.isImplicit ? ImplicitRotaRequests.agent(of: d.id).map { agents[$0] ?? $0 } : nil
        return say(d.id, memberName: members[d.request.member] ?? d.request.member, rotaAgentName: absent, start: d.request.start, l)
    }
}
