/// The conventions of real services (rules.md §7), each from its source: a preset sets the
/// billing scheme and the convention; the tariff amounts stay editable per year.
public enum ConventionPreset: String, Sendable, CaseIterable {
    case cucm
    case oisans
    case valDeDrome = "val-de-drome"
    case cdg63
    case cdg03
    case cdg51

    /// Who runs it and where the numbers come from.
    public func source(_ l: Language) -> String {
        switch self {
        case .cucm: return l.pick("CU Creusot-Montceau, convention cadre du 30 juin 2022 (les valeurs par défaut)",
                                  "CU Creusot-Montceau, framework agreement of 30 June 2022 (the defaults)")
        case .oisans: return l.pick("Communauté de communes de l'Oisans : coût réel partagé au prorata, référent et suppléant par commune, sans limite de durée",
                                    "Oisans: real cost shared pro rata, a referent and a substitute per commune, no duration limits")
        case .valDeDrome: return l.pick("Val de Drôme : secrétaire itinérante à la demande, coût partagé selon l'usage, sans durée minimale",
                                        "Val de Drôme: itinerant secretary on demand, cost shared by use, no minimum")
        case .cdg63: return l.pick("Centre de gestion du Puy-de-Dôme : 250,00 € la journée de 6 h, 50,00 € l'heure au-delà, facturé au mois",
                                   "CDG 63: 250.00 € a 6-hour day, 50.00 € an extra hour, billed monthly")
        case .cdg03: return l.pick("Centre de gestion de l'Allier : coût horaire de l'agent × 1,40, au mois, au plus deux jours (14 h) par semaine et par commune",
                                   "CDG 03: the agent's hourly cost × 1.40, monthly, at most two days (14 h) a week per commune")
        case .cdg51: return l.pick("Centre de gestion de la Marne : coût chargé de l'agent, frais de gestion et frais de bulletin de paie, au plus six mois",
                                   "CDG 51: the agent's loaded cost, a management fee and a payslip fee, at most six months")
        }
    }

    public var billing: BillingScheme {
        switch self {
        case .cucm: return .feeAndHourly
        case .oisans, .valDeDrome: return .prorataCost
        case .cdg63: return .dayRate
        case .cdg03, .cdg51: return .agentCost
        }
    }

    /// The settings this preset names; every other one keeps seed 002's default.
    public var settings: [(Convention.Key, ConventionValue)] {
        switch self {
        case .cucm: return []
        case .oisans:
            return [(.billingPeriod, .text("year")), (.minWorkingDays, .integer(0)), (.maxMonths, .null)]
        case .valDeDrome:
            return [(.billingPeriod, .text("year")), (.minWorkingDays, .integer(0)), (.maxMonths, .null),
                    (.noticeDays, .integer(0))]
        case .cdg63:
            return [(.billingPeriod, .text("month"))]
        case .cdg03:
            // "Priority to the smallest": the population alone decides (docs/decisions.md).
            return [(.billingPeriod, .text("month")), (.maxHoursPerWeek, .text("14:00")),
                    (.smallPopulationBelow, .integer(1000)), (.smallNeedsSinglePartTimeSecretary, .bool(false))]
        case .cdg51:
            return [(.billingPeriod, .text("month")), (.maxMonths, .integer(6))]
        }
    }

    /// The convention of this preset (every key it names is given, so that an export says it).
    public var convention: Convention {
        var c = Convention()
        for (key, value) in settings { try? c.set(key, value) }
        return c
    }

    /// The tariff amounts a new year starts from under this preset (editable afterwards).
    public func tariff(year: Int) -> Tariff {
        var t = Tariff.framework(year: year)
        switch self {
        case .cucm, .oisans, .valDeDrome: break
        case .cdg63: t.dayRate = .cdg63
        case .cdg03: t.agentCost = AgentCostRate(coefficientHundredths: 140, monthlyAgentFeeCents: 0)
        case .cdg51: t.agentCost = AgentCostRate(coefficientHundredths: 110, monthlyAgentFeeCents: 2_500)
        }
        return t
    }

    /// Applies the preset to the service: its billing scheme and its convention.
    public func apply(to service: inout ServiceSettings) {
        service.billing = billing
        service.convention = convention
    }
}
