import Domain

/// Everything a key can do. One table (`KeyMap.bindings`) feeds the key handling, the help
/// overlay and the hints of the status bar.
public enum Action: String, CaseIterable, Sendable {
    case quit, help, nextPane, previousPane
    case pane1, pane2, pane3, pane4, pane5, pane6, pane7
    case up, down, left, right, pageUp, pageDown
    case open, back, filter
    case previousPeriod, nextPeriod, today, monthView, switchView, newItem, editItem, deleteItem, addAbsence, addRota
    case listAbsences, listRota, editOpeningHours, editMembership
    case issueInvoices, recordPayment, cancelInvoice, writePDF, writeCSV, writeReminder, editTariff, editConvention, history, suggestions, schedule, memberYear
    case validateHours, validateWeek, closeMonth, reopenMonth, renew, followUp, answerRenewal, recordEvaluation
}

/// A key bound to an action, with what it does in French and English.
public struct Binding: Sendable {
    public var action: Action
    public var keys: [Key]
    public var french: String
    public var english: String
    /// Shown in the status bar of these panes (empty: everywhere).
    public var hintIn: Set<Pane>
    public var hinted: Bool
    /// The short form shown in the status bar (keys included), when it differs.
    public var hint: (french: String, english: String)? = nil
    /// Whether it changes data: refused to an observer, and while a save runs.
    public var edits = false
    /// Whether the key means this only in the `hintIn` panes (elsewhere it is another binding's).
    public var onlyThere = false

    public func description(_ language: Language) -> String { language.pick(french, english) }

    /// How the status bar shows this binding.
    public func hintText(_ language: Language) -> String {
        if let hint { return language.pick(hint.french, hint.english) }
        return "\(keys.map { $0.label(language) }.joined(separator: "/")) \(description(language))"
    }
}

public enum KeyMap {
    public static let bindings: [Binding] = [
        Binding(action: .quit, keys: [.character("q")], french: "quitter", english: "quit", hintIn: [], hinted: true),
        Binding(action: .help, keys: [.character("?")], french: "aide : toutes les touches", english: "help: every key", hintIn: [], hinted: true,
                hint: ("? aide", "? help")),
        Binding(action: .nextPane, keys: [.tab], french: "volet suivant", english: "next pane", hintIn: [], hinted: false),
        Binding(action: .previousPane, keys: [.backTab], french: "volet précédent", english: "previous pane", hintIn: [], hinted: false),
        Binding(action: .pane1, keys: [.character("1")], french: "volet Planning", english: "Planning pane", hintIn: [], hinted: false),
        Binding(action: .pane2, keys: [.character("2")], french: "volet Demandes", english: "Requests pane", hintIn: [], hinted: false),
        Binding(action: .pane3, keys: [.character("3")], french: "volet Communes", english: "Members pane", hintIn: [], hinted: false),
        Binding(action: .pane4, keys: [.character("4")], french: "volet Agents", english: "Agents pane", hintIn: [], hinted: false),
        Binding(action: .pane5, keys: [.character("5")], french: "volet Heures", english: "Hours pane", hintIn: [], hinted: false),
        Binding(action: .pane6, keys: [.character("6")], french: "volet Factures", english: "Invoices pane", hintIn: [], hinted: false),
        Binding(action: .pane7, keys: [.character("7")], french: "volet Rapports", english: "Reports pane", hintIn: [], hinted: false),
        Binding(action: .up, keys: [.up, .character("k")], french: "monter", english: "up", hintIn: [], hinted: false),
        Binding(action: .down, keys: [.down, .character("j")], french: "descendre", english: "down", hintIn: [], hinted: false),
        Binding(action: .left, keys: [.left, .character("h")], french: "à gauche", english: "left", hintIn: [], hinted: false),
        Binding(action: .right, keys: [.right, .character("l")], french: "à droite", english: "right", hintIn: [], hinted: false),
        Binding(action: .pageUp, keys: [.pageUp], french: "page précédente", english: "page up", hintIn: [], hinted: false),
        Binding(action: .pageDown, keys: [.pageDown], french: "page suivante", english: "page down", hintIn: [], hinted: false),
        Binding(action: .open, keys: [.enter], french: "détail", english: "details", hintIn: [.planning, .requests, .members, .agents, .reports], hinted: true),
        Binding(action: .back, keys: [.escape], french: "revenir", english: "back", hintIn: [], hinted: false),
        Binding(action: .filter, keys: [.character("/")], french: "filtrer la liste", english: "filter the list", hintIn: [.requests, .members, .agents], hinted: true,
                hint: ("/ filtrer", "/ filter")),
        Binding(action: .previousPeriod, keys: [.character("[")], french: "période (ou année) précédente", english: "previous period (or year)",
                hintIn: [.planning, .hours], hinted: false),
        Binding(action: .nextPeriod, keys: [.character("]")], french: "période (ou année) suivante", english: "next period (or year)",
                hintIn: [.planning, .hours, .invoices, .reports], hinted: true, hint: ("[ ] période", "[ ] period")),
        Binding(action: .today, keys: [.character("t")], french: "aujourd'hui", english: "today", hintIn: [.planning, .hours], hinted: true),
        Binding(action: .monthView, keys: [.character("m")], french: "semaine / mois", english: "week / month", hintIn: [.planning], hinted: true,
                hint: ("m mois", "m month")),
        Binding(action: .switchView, keys: [.character("v")], french: "agents / communes", english: "agents / members", hintIn: [.planning], hinted: true,
                hint: ("v vue", "v view")),
        Binding(action: .newItem, keys: [.character("n")], french: "nouvelle demande, commune, agent ou heures", english: "new request, member, agent or hours",
                hintIn: [.requests, .members, .agents, .hours], hinted: true, hint: ("n nouveau", "n new"), edits: true),
        Binding(action: .editItem, keys: [.character("e")], french: "modifier la ligne choisie ou la saisie", english: "edit the selected row or entry",
                hintIn: [.requests, .members, .agents, .hours], hinted: true, hint: ("e modifier", "e edit"), edits: true),
        Binding(action: .deleteItem, keys: [.character("d")], french: "supprimer la ligne choisie (après confirmation)",
                english: "delete the selected row (after confirming)", hintIn: [.members, .agents, .hours], hinted: true, hint: ("d supprimer", "d delete"), edits: true),
        Binding(action: .addAbsence, keys: [.character("a")], french: "ajouter une absence à l'agent", english: "add an absence to the agent",
                hintIn: [.agents], hinted: true, hint: ("a/r ajouter", "a/r add"), edits: true),
        Binding(action: .addRota, keys: [.character("r")], french: "ajouter une plage à la tournée de l'agent",
                english: "add a slot to the agent's rota", hintIn: [.agents], hinted: false, edits: true),
        Binding(action: .listAbsences, keys: [.character("A")], french: "absences : voir, modifier",
                english: "absences: list, edit", hintIn: [.agents], hinted: true, hint: ("A/R listes", "A/R lists"), edits: true),
        Binding(action: .listRota, keys: [.character("R")], french: "tournée : voir, modifier",
                english: "rota: list, edit", hintIn: [.agents], hinted: false, edits: true),
        Binding(action: .editOpeningHours, keys: [.character("o")], french: "modifier les horaires",
                english: "edit the opening hours", hintIn: [.members], hinted: true, hint: ("o horaires", "o hours"), edits: true),
        Binding(action: .editMembership, keys: [.character("M")], french: "adhésion : délibération, départ, maire",
                english: "membership: deliberation, leaving, mayor", hintIn: [.members], hinted: false, edits: true),
        Binding(action: .issueInvoices, keys: [.character("E")], french: "émettre les factures (à confirmer)",
                english: "issue the invoices (after confirming)", hintIn: [.invoices], hinted: true, hint: ("E émettre", "E issue"), edits: true),
        Binding(action: .recordPayment, keys: [.character("p")], french: "enregistrer un paiement (total ou partiel)",
                english: "record a payment (whole or part)",
                hintIn: [.invoices], hinted: true, hint: ("p payée", "p paid"), edits: true),
        Binding(action: .cancelInvoice, keys: [.character("x")], french: "annuler la facture par un avoir", english: "cancel the invoice by a credit note",
                hintIn: [.invoices], hinted: true, hint: ("x avoir", "x credit note"), edits: true),
        Binding(action: .editTariff, keys: [.character("T")], french: "modifier le tarif de l'année", english: "edit the year's tariff",
                hintIn: [.invoices], hinted: false, edits: true),
        Binding(action: .editConvention, keys: [.character("c")], french: "convention du service (délais, facturation)",
                english: "the service's convention (durations, notice, billing)", hintIn: [.members], hinted: true,
                hint: ("c convention", "c convention"), edits: true),
        Binding(action: .validateHours, keys: [.character("V")], french: "valider la ligne (ou la saisie)",
                english: "validate the row's hours (or the chosen entry)", hintIn: [.hours], hinted: true, hint: ("V valider", "V validate"), edits: true),
        Binding(action: .validateWeek, keys: [.character("S")], french: "valider toute la semaine de l'agent", english: "validate the agent's whole week",
                hintIn: [.hours], hinted: true, hint: ("S semaine", "S week"), edits: true),
        Binding(action: .closeMonth, keys: [.character("C")], french: "clore le mois (après confirmation)", english: "close the month (after confirming)",
                hintIn: [.hours], hinted: true, hint: ("C clore", "C close"), edits: true),
        Binding(action: .reopenMonth, keys: [.character("O")], french: "rouvrir le mois (motif demandé)", english: "reopen the closed month (reason asked)",
                hintIn: [.hours], hinted: false, edits: true),
        Binding(action: .writePDF, keys: [.character("f")], french: "écrire le PDF (facture, rapport, évaluation)",
                english: "write the PDF (invoice, report, evaluation)", hintIn: [.requests, .invoices, .reports], hinted: true, hint: ("f PDF", "f PDF")),
        Binding(action: .writeCSV, keys: [.character("c")], french: "écrire le rapport en CSV (tableur)", english: "write the report as CSV (spreadsheet)",
                hintIn: [.reports], hinted: true, hint: ("c CSV", "c CSV"), onlyThere: true),
        Binding(action: .writeReminder, keys: [.character("L")], french: "écrire la lettre de relance de la commune",
                english: "write the member's reminder letter (overdue)", hintIn: [.invoices], hinted: true, hint: ("L relance", "L reminder")),
        Binding(action: .renew, keys: [.character("r")], french: "renouveler la demande servie (prérempli)",
                english: "renew the served request (prefilled form)", hintIn: [.requests], hinted: false, edits: true, onlyThere: true),
        Binding(action: .followUp, keys: [.character("u")], french: "à suivre : échéances, réponses, évaluations",
                english: "follow-up: ending, answers, evaluations", hintIn: [.requests], hinted: true, hint: ("u à suivre", "u follow-up")),
        Binding(action: .answerRenewal, keys: [.character("a")], french: "réponse donnée à la commune (renouvellement)",
                english: "answer given to the member (renewal)", hintIn: [.requests], hinted: false, edits: true, onlyThere: true),
        Binding(action: .recordEvaluation, keys: [.character("v")], french: "évaluation du maire : ses réponses",
                english: "the mayor's evaluation: record it", hintIn: [.requests], hinted: false, edits: true, onlyThere: true),
        Binding(action: .suggestions, keys: [.character("s")], french: "qui pourrait servir la demande, à quel prix",
                english: "who could serve the request, at what cost", hintIn: [.requests], hinted: true, hint: ("s suggestions", "s suggestions")),
        Binding(action: .schedule, keys: [.character("D")], french: "demi-journées de la demande ou de l'agent",
                english: "half-days of the request or agent", hintIn: [.requests, .planning], hinted: true, hint: ("D demi-journées", "D half-days")),
        Binding(action: .memberYear, keys: [.character("i")], french: "l'année : prépayé, demandes, factures",
                english: "the member's year: prepaid hours, requests, invoices", hintIn: [.members], hinted: true, hint: ("i année", "i year")),
        Binding(action: .history, keys: [.character("H")], french: "historique des changements",
                english: "history of the row's changes", hintIn: [.requests, .members, .agents, .invoices], hinted: true,
                hint: ("H historique", "H history")),
    ]

    /// The binding of `action`.
    public static func binding(_ action: Action) -> Binding? { bindings.first { $0.action == action } }

    /// The keys as a Markdown table, by where they work (the README's lists are this table;
    /// `releve keys --markdown` prints it, and a test fails when the README differs).
    public static func markdown(_ l: Language) -> String {
        let everywhere = l.pick("partout", "everywhere")
        let header = l.pick("| touches | où | fait |\n|---|---|---|", "| keys | where | does |\n|---|---|---|")
        let rows = bindings.map { b -> String in
            let keys = b.keys.map { "`\($0.label(l) == "|" ? "\\|" : $0.label(l))`" }.joined(separator: " ")
            let panes = b.hintIn.isEmpty ? everywhere : Pane.allCases.filter(b.hintIn.contains).map { $0.title(l) }.joined(separator: ", ")
            return "| \(keys) | \(panes) | \(b.description(l))\(b.edits ? l.pick(" (modifie)", " (edits)") : "") |"
        }
        return ([header] + rows).joined(separator: "\n")
    }

    /// The action bound to `key`, if any (outside a pane: the binding that works everywhere).
    public static func action(for key: Key) -> Action? {
        bindings.first { $0.keys.contains(key) && !$0.onlyThere }?.action
    }

    /// The action bound to `key` in `pane`: a binding of that pane's own first (`c` writes the
    /// CSV in Rapports, opens the convention elsewhere).
    public static func action(for key: Key, in pane: Pane) -> Action? {
        bindings.first { $0.onlyThere && $0.hintIn.contains(pane) && $0.keys.contains(key) }?.action ?? action(for: key)
    }

    /// The bindings hinted in the status bar of `pane`.
    public static func hints(for pane: Pane) -> [Binding] {
        bindings.filter { $0.hinted && ($0.hintIn.isEmpty || $0.hintIn.contains(pane)) }
    }
}
