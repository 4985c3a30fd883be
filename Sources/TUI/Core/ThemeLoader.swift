import Foundation
import TOMLKit

/// Reads themes from `Themes/*.toml`: `[roles.<role>]` with `fg`, `bg`, `attrs` and the
/// monochrome twin `mono` (a list of attributes). Roles a file leaves out keep the built-in style.
public enum ThemeLoader {
    public enum Failure: Error, Equatable {
        case notFound(String)
        case invalid(file: String, detail: String)
    }

    /// The theme called `name`, looked for in `directories` (the first that has it wins);
    /// `default` falls back to the built-in theme when no file exists.
    public static func load(named name: String, from directories: [String]) throws -> Theme {
        for directory in directories {
            let path = (directory as NSString).appendingPathComponent("\(name).toml")
            if let text = try? String(contentsOfFile: path, encoding: .utf8) {
                return try parse(text, file: path)
            }
        }
        if name == "default" { return .builtIn }
        throw Failure.notFound(name)
    }

    /// The theme named in the user's configuration file (`theme = "light"`), if any.
    public static func configuredThemeName(configFile path: String) -> String? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
              let table = try? TOMLTable(string: text) else { return nil }
        return table["theme"]?.string
    }

    /// Parses one theme file.
    public static func parse(_ text: String, file: String) throws -> Theme {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch {
            throw Failure.invalid(file: file, detail: "\(error)")
        }
        var theme = Theme.builtIn
        theme.name = table["name"]?.string ?? (file as NSString).lastPathComponent
        guard let roles = table["roles"]?.table else { return theme }
        for key in roles.keys {
            guard let role = Role(rawValue: key) else { throw Failure.invalid(file: file, detail: "rôle inconnu « \(key) »") }
            guard let entry = roles[key]?.table else { throw Failure.invalid(file: file, detail: "[roles.\(key)] doit être une table") }
            let mono = try attributes(entry["mono"], file: file, role: key)
            theme.mono[role] = Style(attributes: mono)
            if entry["fg"] == nil, entry["bg"] == nil, entry["attrs"] == nil {
                theme.color[role] = Style(attributes: mono)
                continue
            }
            theme.color[role] = Style(foreground: try color(entry["fg"], file: file, role: key),
                                      background: try color(entry["bg"], file: file, role: key),
                                      attributes: try attributes(entry["attrs"], file: file, role: key))
        }
        return theme
    }

    static func color(_ value: (any TOMLValueConvertible)?, file: String, role: String) throws -> TerminalColor {
        guard let value else { return .default }
        guard let name = value.string, let color = TerminalColor(name: name) else {
            throw Failure.invalid(file: file, detail: "couleur inconnue pour \(role)")
        }
        return color
    }

    static func attributes(_ value: (any TOMLValueConvertible)?, file: String, role: String) throws -> TextAttributes {
        guard let value else { return [] }
        guard let list = value.array else { throw Failure.invalid(file: file, detail: "liste d'attributs attendue pour \(role)") }
        var result: TextAttributes = []
        for item in list {
            guard let name = item.string, let attribute = TextAttributes(name: name) else {
                throw Failure.invalid(file: file, detail: "attribut inconnu pour \(role)")
            }
            result.insert(attribute)
        }
        return result
    }
}
