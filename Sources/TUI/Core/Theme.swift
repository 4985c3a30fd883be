/// What a piece of the screen means; each theme gives every role a colour style and a
/// monochrome one, and planning cells also carry a text marker, so meaning never rests on colour.
public enum Role: String, CaseIterable, Sendable {
    case normal, title, tab, tabActive = "tab-active", header, border, selected, today, urgent, shared
    case preempted, absence, holiday, conflict, unpaid, hint, error, dim
}

/// A named set of styles for the roles.
public struct Theme: Sendable {
    public var name: String
    public var color: [Role: Style]
    public var mono: [Role: Style]
    /// False with `--no-color`, `NO_COLOR` or a terminal without colours.
    public var usesColor: Bool

    public init(name: String, color: [Role: Style], mono: [Role: Style], usesColor: Bool = true) {
        self.name = name
        self.color = color
        self.mono = mono
        self.usesColor = usesColor
    }

    /// The style of `role`, in colour or monochrome.
    public func style(_ role: Role) -> Style {
        (usesColor ? color[role] : mono[role]) ?? mono[role] ?? .plain
    }

    /// The built-in default theme (dark-friendly), so the program works without `Themes/`.
    public static let builtIn: Theme = {
        func s(_ fg: TerminalColor, _ bg: TerminalColor = .default, _ attrs: TextAttributes = []) -> Style {
            Style(foreground: fg, background: bg, attributes: attrs)
        }
        let color: [Role: Style] = [
            .normal: .plain, .title: s(.brightWhite, .blue, .bold), .tab: s(.white, .blue),
            .tabActive: s(.black, .cyan, .bold), .header: s(.brightWhite, .default, .bold), .border: s(.blue),
            .selected: s(.black, .cyan), .today: s(.brightYellow, .default, .bold), .urgent: s(.brightRed, .default, .bold),
            .shared: s(.yellow), .preempted: s(.magenta), .absence: s(.brightBlack), .holiday: s(.brightBlack, .default, .dim),
            .conflict: s(.white, .red, .bold), .unpaid: s(.brightRed), .hint: s(.cyan), .error: s(.brightRed, .default, .bold),
            .dim: s(.brightBlack),
        ]
        let mono: [Role: Style] = [
            .normal: .plain, .title: s(.default, .default, [.reverse, .bold]), .tab: s(.default, .default, .reverse),
            .tabActive: s(.default, .default, [.bold, .underline]), .header: s(.default, .default, .bold), .border: .plain,
            .selected: s(.default, .default, .reverse), .today: s(.default, .default, [.bold, .underline]),
            .urgent: s(.default, .default, .bold), .shared: s(.default, .default, .underline), .preempted: s(.default, .default, .dim),
            .absence: s(.default, .default, .dim), .holiday: s(.default, .default, .dim), .conflict: s(.default, .default, .bold),
            .unpaid: s(.default, .default, .bold), .hint: .plain, .error: s(.default, .default, .bold), .dim: s(.default, .default, .dim),
        ]
        return Theme(name: "default", color: color, mono: mono)
    }()
}
