import Domain

func renderMembers(_ state: AppState, _ area: Rect, _ buffer: inout Buffer, _ theme: Theme, _ borders: BorderSet) {
    guard let snapshot = state.snapshot else { return }
    let l = state.language
    let format = DisplayFormat(l)
    let rows = state.memberRows
    let agentName = { (code: String?) -> String in code.flatMap { c in snapshot.agentNames[c] } ?? "—" }
    let tableRow = { (index: Int) -> TableRow in
        let m = rows[index]
        return TableRow([m.code, m.name, String(m.population), m.kind.rawValue, snapshot.territory.service.convention.isSmall(m) ? l.pick("oui", "yes") : "",
                  agentName(m.substituteAgent)], role: m.isMember(on: state.today) ? .normal : .dim)
    }
    let detail = drawList(state, area, state.members,
                          title: listTitle(l.pick("Communes membres", "Members"), count: rows.count, filter: state.members.filter, l),
                          count: rows.count, row: tableRow, columns: { width in
        [Column("Code", 6), Column(l.pick("Nom", "Name"), max(14, width - 6 - 8 - 9 - 7 - 22 - 5)),
         Column(l.pick("Hab.", "Pop."), 8, right: true), Column(l.pick("Type", "Kind"), 9), Column(l.pick("Petite", "Small"), 7),
         Column(l.pick("Remplaçante", "Substitute"), 22)]
    }, &buffer, theme, borders)
    if let detailRect = detail {
        let m = rows[state.members.cursor]
        var lines: [(String, Role)] = [
            ("\(m.name) (\(m.code)) · \(m.population) \(l.pick("hab.", "inhabitants"))", .header),
            (l.pick("Membre depuis le \(format.date(m.memberSince))", "Member since \(format.date(m.memberSince))")
                + (m.memberUntil.map { l.pick(" jusqu'au \(format.date($0))", " until \(format.date($0))") } ?? ""), .normal),
            (l.pick("Secrétaire unique à temps non complet : ", "Single part-time secretary: ") + (m.singlePartTimeSecretary ? l.pick("oui", "yes") : l.pick("non", "no")), .normal),
            (l.pick("Référente : ", "Referent: ") + agentName(m.referentAgent) + l.pick(" · remplaçante attitrée : ", " · substitute: ") + agentName(m.substituteAgent), .normal),
            (l.pick("Dernier remplacement d'été : ", "Last summer replacement: ") + lastSummerText(m, snapshot, today: state.today, l), .normal),
            (l.pick("Horaires d'ouverture", "Opening hours") + (state.role == .coordinator ? l.pick(" (o : modifier)", " (o: edit)") : ""), .header),
        ]
        for day in Weekday.allCases where !m.openingHours.on(day).isEmpty {
            lines.append(("  \(format.weekdayShort(day)) \(m.openingHours.on(day).map { "\(ClockText.format($0.start))–\(ClockText.format($0.end))" }.joined(separator: ", "))", .normal))
        }
        let requests = snapshot.requestsByMember[m.code] ?? []
        if !requests.isEmpty { lines.append((l.pick("Demandes : ", "Requests: ") + requests.joined(separator: ", "), .dim)) }
        lines += membershipLines(m, state, format)
        if let warning = FollowUp.conventionEndWarning(snapshot.territory.service, today: state.today, language: l) {
            lines.insert(("⚠ " + warning, .urgent), at: 1)
        }
        detailBox(lines, title: m.name, detailRect, &buffer, theme, borders)
    }
}

/// The member's last summer replacement as the tour de rôle reads it today (rules.md §3.3.4): the
/// stored year, or a later one in which the plan served one of its summer requests, said apart.
func lastSummerText(_ m: Member, _ snapshot: Snapshot, today: CalendarDate, _ l: Language) -> String {
    var served: Int?
    for id in snapshot.requestsByMember[m.code] ?? [] {
        guard let d = snapshot.decisions[id], d.request.priorityClass == .summer else { continue }
        for period in d.periods where period.from <= today {
            served = max(served ?? Int.min, min(period.to, today).year)
        }
    }
    let stored = m.lastSummerReplacement
    guard let served, served > (stored ?? Int.min) else { return stored.map(String.init) ?? l.pick("jamais", "never") }
    let before = stored.map { l.pick("\($0) dans la fiche", "\($0) on record") } ?? l.pick("jamais dans la fiche", "never on record")
    return l.pick("\(served) (servie d'après le plan ; \(before))", "\(served) (served in the plan; \(before))")
}

/// The membership papers in words (annex 1): the mayor, the deliberation, the bulletin's
/// answers, the non-recruitment commitment, leaving; contacts for the coordinator only.
func membershipLines(_ m: Member, _ state: AppState, _ format: DisplayFormat) -> [(String, Role)] {
    let l = state.language, p = m.membership
    let yesNo = { (b: Bool?) in b.map { $0 ? l.pick("oui", "yes") : l.pick("non", "no") } ?? "—" }
    var lines: [(String, Role)] = [(l.pick("Adhésion", "Membership") + (state.role == .coordinator ? l.pick(" (M : modifier)", " (M: edit)") : ""), .header)]
    if let mayor = p.mayor { lines.append((l.pick("Maire : ", "Mayor: ") + mayor, .normal)) }
    lines.append((l.pick("Délibération : ", "Deliberation: ") + (p.deliberationDate.map(format.date) ?? l.pick("non enregistrée", "not recorded"))
                  + l.pick(" · immersion : ", " · immersion: ") + yesNo(p.hostsImmersion)
                  + l.pick(" · référente volontaire : ", " · referent volunteer: ") + yesNo(p.referentVolunteer), .normal))
    let commitment = p.nonRecruitmentUntil ?? Membership.defaultNonRecruitmentUntil(memberSince: m.memberSince)
    lines.append((l.pick("Engagement de non-recrutement jusqu'au ", "No recruitment until ") + format.date(commitment)
                  + (p.nonRecruitmentUntil == nil ? l.pick(" (3 ans après l'adhésion)", " (3 years after joining)") : ""), .normal))
    if let left = p.leftOn {
        lines.append((l.pick("Départ le ", "Leaves on ") + format.date(left) + (p.leftGround.map { " (\($0.label(in: l)))" } ?? ""), .normal))
    }
    if state.role == .coordinator {
        let contacts = [p.address, p.phone, p.email].compactMap { $0 }
        if !contacts.isEmpty { lines.append((contacts.joined(separator: " · "), .dim)) }
    }
    return lines
}
