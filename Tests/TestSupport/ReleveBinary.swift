import Foundation

/// Runs the built `releve` executable as a user would, without a terminal: the one helper the
/// command-line and end-to-end tests share (`TestSupport`).
public struct ReleveBinary {
    public struct Result: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    /// The executable beside the test bundle (`.build/<config>/releve`), or `$RELEVE_BIN`.
    public static var path: String {
        if let custom = ProcessInfo.processInfo.environment["RELEVE_BIN"] { return custom }
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [runner, runner.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("releve").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/releve").path
    }

    /// A scratch directory removed by the caller.
    public let directory: URL

    public init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("releve-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    public var db: String { directory.appendingPathComponent("test.sqlite").path }

    public func file(_ name: String, _ contents: String) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    public func cleanUp() { try? FileManager.default.removeItem(at: directory) }

    /// Runs `releve ARGS` with a clean environment (no terminal, no RELEVE_DB, a data home of
    /// its own in the scratch directory).
    @discardableResult
    public func run(_ arguments: [String], stdin: String? = nil) throws -> Result {
        try Self.run(arguments, stdin: stdin, dataHome: directory.appendingPathComponent("xdg").path)
    }

    /// Runs `releve ARGS` without a terminal, RELEVE_DB unset; standard input is `stdin`, or
    /// empty (closed at once).
    @discardableResult
    public static func run(_ arguments: [String], stdin: String? = nil, dataHome: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["RELEVE_DB"] = nil
        if let dataHome { environment["XDG_DATA_HOME"] = dataHome }
        process.environment = environment
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A new demo database (`releve demo --today DAY`) in a directory of its own; returns its path.
    public static func demoDatabase(today: String = "2026-11-16") throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("releve-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let db = directory.appendingPathComponent("demo.sqlite").path
        let result = try run(["demo", "--db", db, "--today", today])
        guard result.status == 0 else { throw DemoFailed(status: result.status, stderr: result.stderr) }
        return db
    }

    public struct DemoFailed: Error {
        public let status: Int32
        public let stderr: String
    }
}

/// The worked example, read from the store tests' fixtures.
public func oisansJSON() throws -> String {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("StoreTests/Fixtures/oisans.json")
    return String(decoding: try Data(contentsOf: url), as: UTF8.self)
}
