import Domain

/// What the evaluation form of one served mission is prefilled with, from the territory and the
/// request's decision: the request and its member, the first and last served days, who served
/// it and for how long.
public struct EvaluationFormContent: Sendable, Equatable {
    public var request: ReplacementRequest
    public var member: Member
    public var firstDay: CalendarDate
    public var lastDay: CalendarDate
    /// The agents who served the mission, by name, in the order they first served it.
    public var agents: [String]
    /// The minutes the arbitration served.
    public var servedMinutes: Int
    /// The day the form is to come back by; nil says "at the end of the mission" (annex 2 art. 5).
    public var returnBy: CalendarDate?

    public init(request: ReplacementRequest, member: Member, firstDay: CalendarDate, lastDay: CalendarDate,
                agents: [String], servedMinutes: Int, returnBy: CalendarDate? = nil) {
        self.request = request
        self.member = member
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.agents = agents
        self.servedMinutes = servedMinutes
        self.returnBy = returnBy
    }

    /// The form of `decision`'s mission; nil when no minute was served or its member is unknown.
    public static func make(decision: RequestDecision, territory: Territory) -> EvaluationFormContent? {
        guard decision.servedMinutes > 0,
              let member = territory.addressedMember(decision.request.member),
              let first = decision.periods.map(\.from).min(), let last = decision.periods.map(\.to).max()
        else { return nil }
        let names = territory.agentNames
        var agents: [String] = []
        for period in decision.periods.sorted(by: { ($0.from, $0.agent) < ($1.from, $1.agent) }) {
            let name = names[period.agent] ?? period.agent
            if !agents.contains(name) { agents.append(name) }
        }
        return EvaluationFormContent(request: decision.request, member: member, firstDay: first, lastDay: last,
                                     agents: agents, servedMinutes: decision.servedMinutes)
    }

    /// The form of request `requestID` in `plan`.
    public static func make(requestID: String, territory: Territory, plan: Plan) -> EvaluationFormContent? {
        plan.decision(requestID).flatMap { make(decision: $0, territory: territory) }
    }
}

/// The mayor's evaluation form (fiche d'évaluation, seed 002 art. 3 and annex 2 art. 5; rules.md
/// §8) for one served mission, on one A4 page to fill by hand: the mission prefilled (request,
/// motive, served days, agents by name, hours served), the five criteria of
/// `EvaluationCriterion` each with four boxes from 1 (insuffisant) to 4 (très satisfaisant),
/// whether the commune would call on the service again, lines for a comment, the place, date,
/// signature and stamp, and where to send it back.
public enum EvaluationForm {
    /// The PDF of the form of `content`, printed on `issued`.
    public static func pdf(_ content: EvaluationFormContent, service: ServiceSettings, issued: CalendarDate,
                           policy: ReadPolicy = .coordinator) -> [UInt8] {
        let request = content.request, member = content.member
        let commune = member.kind == .commune
        let body = French.body(service)
        var flow = PageFlow(title: "Fiche d'évaluation – demande n° \(request.id) – \(member.name)",
                            footer: "\(body) – fiche d'évaluation de la mission n° \(request.id) – \(member.name)")
        flow.letterhead(service, reference: [
            ("Demande n°", request.id),
            ("Établie le", French.numeric(issued)),
        ])
        flow.title("Fiche d'évaluation de la mission",
                   subtitle: "Remplacement de secrétaire de mairie – à remplir par \(commune ? "le maire" : "le président") "
                       + "à l'issue de la mission")

        // The mission at the left, the addressee at the right.
        let top = flow.y
        flow.addressBlock(caption: commune ? "Commune d'accueil" : "Membre d'accueil", lines: [
            (addressee(member), .bold),
            (commune ? "Mairie – \(member.name)" : member.name, .regular),
            ("Code \(member.code) – \(French.kind(member.kind))", .regular),
        ], x: 350)
        let below = flow.y
        flow.y = top
        let columnWidth = 290.0, labelWidth = 92.0
        flow.field("Demande", "n° \(request.id)" + (request.renews.map { " (renouvellement de la n° \($0))" } ?? ""),
                   labelWidth: labelWidth, width: columnWidth)
        flow.field("Motif", policy.motiveText(request.motive, .fr), labelWidth: labelWidth, width: columnWidth)
        flow.field("Mission", content.firstDay == content.lastDay ? "le \(French.long(content.firstDay))"
                       : "du \(French.long(content.firstDay)) au \(French.long(content.lastDay))",
                   labelWidth: labelWidth, width: columnWidth)
        flow.field(content.agents.count > 1 ? "Agents" : "Agent",
                   content.agents.isEmpty ? "—" : ServiceContractDocument.list(content.agents),
                   labelWidth: labelWidth, width: columnWidth)
        flow.field("Heures effectuées", French.hours(content.servedMinutes), labelWidth: labelWidth, width: columnWidth)
        flow.y = max(flow.y, below) + 2

        flow.paragraph("Cochez une case par critère, de 1 (\(EvaluationScores.label(1, in: .fr))) à 4 "
            + "(\(EvaluationScores.label(4, in: .fr))). Vos réponses mesurent votre satisfaction et, si besoin, aident à "
            + "améliorer les services rendus ; elles sont prises en compte dans l'évaluation annuelle de l'agent.", size: 9, after: 2)

        flow.heading("Appréciation de la prestation")
        scoreGrid(&flow)
        flow.space(10)
        let question = commune ? "La commune ferait-elle de nouveau appel au service ?" : "Le membre ferait-il de nouveau appel au service ?"
        flow.put(question, x: PageFlow.left, font: .bold, size: 10)
        checkbox("oui", x: PageFlow.right - 120, flow: &flow)
        checkbox("non", x: PageFlow.right - 55, flow: &flow)
        flow.space(PageFlow.lineHeight(10) + 12)

        flow.line("Commentaire, observations (points forts, points à améliorer) :", font: .bold, size: 10)
        for _ in 0..<4 {
            flow.space(19)
            flow.rule(width: 0.4, gray: 0.6)
        }
        flow.space(14)

        signatureArea(member, flow: &flow)
        let address = service.address.map { ", " + $0.split(separator: "\n").joined(separator: ", ") } ?? ""
        let when = content.returnBy.map { "au plus tard le \(French.long($0))" }
            ?? "à l'issue de la mission ou de ses périodes de reconduction"
        flow.paragraph("Fiche à retourner au service commun \(when) : \(body)\(address).", font: .bold, size: 9, after: 0)
        return flow.finish()
    }

    /// "Jean Dupont, maire d'Écuisses" when the mayor's name is known, else "Madame, Monsieur le
    /// Maire d'Écuisses" (le Président for a body other than a commune).
    static func addressee(_ member: Member) -> String {
        let commune = member.kind == .commune
        if let mayor = member.membership.mayor, !mayor.isEmpty {
            return commune ? "\(mayor), maire \(DisplayFormat.de(member.name))" : "\(mayor), président – \(member.name)"
        }
        return commune ? "\(ReminderLetter.salutation(member)) \(DisplayFormat.de(member.name))" : ReminderLetter.salutation(member)
    }

    static let criterionWidth = 175.0
    static let scoreWidth = (PageFlow.width - criterionWidth) / 4

    /// The middle of score `score`'s column.
    static func center(_ score: Int) -> Double { PageFlow.left + criterionWidth + (Double(score) - 0.5) * scoreWidth }

    /// The criteria, one row each, against the four scores, one box each, under a grey header
    /// that says what each score means.
    static func scoreGrid(_ flow: inout PageFlow) {
        let headerHeight = 30.0, rowHeight = 22.0
        let rows = EvaluationCriterion.allCases
        let height = headerHeight + Double(rows.count) * rowHeight
        flow.ensure(height)
        let gridTop = PDFWriter.pageHeight - flow.y
        flow.pdf.fillRect(x: PageFlow.left, y: gridTop - headerHeight, width: PageFlow.width, height: headerHeight, gray: 0.86)
        flow.put("Critère", x: PageFlow.left + PageFlow.cellPadding, font: .bold, size: 9.5, top: flow.y + 10)
        for score in EvaluationScores.range {
            flow.put(String(score), x: center(score), font: .bold, size: 9.5, align: .center, top: flow.y + 4)
            flow.put(EvaluationScores.label(score, in: .fr), x: center(score), size: 8.5, align: .center, top: flow.y + 16)
        }
        flow.y += headerHeight
        for criterion in rows {
            flow.put(ServiceContractDocument.capitalized(criterion.label(in: .fr)), x: PageFlow.left + PageFlow.cellPadding,
                     size: 10, top: flow.y + (rowHeight - 10) / 2)
            let middle = PDFWriter.pageHeight - flow.y - rowHeight / 2
            for score in EvaluationScores.range {
                flow.pdf.strokeRect(x: center(score) - 5.5, y: middle - 5.5, width: 11, height: 11, lineWidth: 0.8)
            }
            flow.y += rowHeight
            flow.rule(width: 0.3, gray: 0.6)
        }
        let bottom = PDFWriter.pageHeight - flow.y
        for score in EvaluationScores.range {
            let x = center(score) - scoreWidth / 2
            flow.pdf.line(from: (x, bottom), to: (x, gridTop), width: 0.3, gray: 0.6)
        }
        flow.pdf.strokeRect(x: PageFlow.left, y: bottom, width: PageFlow.width, height: height, lineWidth: 0.6, gray: 0.3)
    }

    /// A box to tick with its word at its right, on the line at the cursor.
    static func checkbox(_ word: String, x: Double, flow: inout PageFlow) {
        let baseline = PageFlow.baseline(top: flow.y, size: 10)
        flow.pdf.strokeRect(x: x, y: baseline - 1, width: 10, height: 10, lineWidth: 0.8)
        flow.put(word, x: x + 15, size: 10)
    }

    /// "Fait à …, le …" at the left; at the right, the mayor's caption over a frame for the
    /// signature and the stamp.
    static func signatureArea(_ member: Member, flow: inout PageFlow) {
        let boxWidth = 215.0, boxHeight = 70.0
        let mayor = member.membership.mayor.flatMap { $0.isEmpty ? nil : $0 }
        let caption = [member.kind == .commune ? "Le Maire" : "Le Président", mayor].compactMap { $0 }.joined(separator: ", ")
        flow.ensure(PageFlow.lineHeight(10) * 2 + boxHeight + 10)
        let top = flow.y
        flow.put("Fait à …………………………………………", x: PageFlow.left, size: 10, top: top + 4)
        flow.put("le ……………………………", x: PageFlow.left, size: 10, top: top + 26)
        let x = PageFlow.right - boxWidth
        flow.put(caption, x: x, font: .bold, size: 10)
        flow.space(PageFlow.lineHeight(10))
        flow.put(member.kind == .commune ? "(signature et cachet de la mairie)" : "(signature et cachet)", x: x, size: 8.5, gray: 0.35)
        flow.space(PageFlow.lineHeight(8.5) + 2)
        flow.pdf.strokeRect(x: x, y: PDFWriter.pageHeight - flow.y - boxHeight, width: boxWidth, height: boxHeight,
                            lineWidth: 0.6, gray: 0.45)
        flow.space(boxHeight + 12)
    }
}
