import Domain
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why a file was not written; nothing was created or changed.
public enum OutputRefusal: Error, Localized, Equatable {
    case emptyPath(option: String)
    case isDirectory(String)
    /// A device, a FIFO or a socket: never replaced by a regular file.
    case notRegular(String)
    /// The live database, its -wal or -shm, or the installation's key files.
    case isDatabase(String)
    case exists(String)
    case missingDirectory(String)
    /// The temporary file could not be created (permissions, read-only file system).
    case cannotCreate(String, reason: String)
    /// Writing, syncing or renaming failed on the way (a full disk, a quota).
    case writeFailed(String, reason: String)

    /// sysexits: 73 (cannot create) for what is refused or cannot be created, 74 for an I/O error.
    public var isIOError: Bool {
        if case .writeFailed = self { return true }
        return false
    }

    public func message(in l: Language) -> String {
        switch self {
        case .emptyPath(let option):
            return l.pick("\(option) : chemin vide : indiquez le fichier à écrire", "\(option): empty path: give the file to write")
        case .isDirectory(let path):
            return l.pick("« \(TextExcerpt.short(path, limit: 120)) » est un dossier : indiquez un fichier dans ce dossier (rien n'a été écrit ni supprimé)",
                          "\"\(TextExcerpt.short(path, limit: 120))\" is a folder: give a file inside it (nothing was written or removed)")
        case .notRegular(let path):
            return l.pick("« \(TextExcerpt.short(path, limit: 120)) » n'est pas un fichier ordinaire (périphérique, tube ou socket) : il n'est jamais remplacé",
                          "\"\(TextExcerpt.short(path, limit: 120))\" is not a regular file (device, pipe or socket): it is never replaced")
        case .isDatabase(let path):
            return l.pick("« \(TextExcerpt.short(path, limit: 120)) » est la base de données de Relève (ou l'un de ses fichiers) : choisissez un autre fichier",
                          "\"\(TextExcerpt.short(path, limit: 120))\" is Relève's database (or one of its files): choose another file")
        case .exists(let path):
            return l.pick("« \(TextExcerpt.short(path, limit: 120)) » existe déjà : choisissez un autre nom, ou --force pour le remplacer",
                          "\"\(TextExcerpt.short(path, limit: 120))\" already exists: choose another name, or --force to replace it")
        case .missingDirectory(let path):
            return l.pick("le dossier « \(TextExcerpt.short(path, limit: 120)) » n'existe pas : créez-le d'abord",
                          "the folder \"\(TextExcerpt.short(path, limit: 120))\" does not exist: create it first")
        case .cannotCreate(let path, let reason):
            return l.pick("impossible de créer « \(TextExcerpt.short(path, limit: 120)) » : \(reason)",
                          "cannot create \"\(TextExcerpt.short(path, limit: 120))\": \(reason)")
        case .writeFailed(let path, let reason):
            return l.pick("écriture de « \(TextExcerpt.short(path, limit: 120)) » échouée : \(reason) ; rien n'a été laissé",
                          "writing \"\(TextExcerpt.short(path, limit: 120))\" failed: \(reason); nothing was left behind")
        }
    }
}

/// Writing a document, an export or a backup (issue 10): into a temporary file beside the
/// target, synced, then renamed over it, so that a crash or a full disk never leaves half a file
/// nor destroys what was there. The target is refused when it is a folder, a device, a pipe, the
/// live database or an existing file (unless `force`). Files are created 0600.
public enum OutputFile {
    /// Writes `bytes` to `path`.
    public static func write(_ bytes: [UInt8], to path: String, force: Bool, protecting: [String], option: String = "--output") throws {
        try replace(path, force: force, protecting: protecting, option: option) { temporary in
            let fd = open(temporary, O_WRONLY | O_TRUNC)
            guard fd >= 0 else { throw OutputRefusal.cannotCreate(path, reason: reason(errno)) }
            defer { close(fd) }
            try writeAll(bytes, to: fd, path: path)
        }
    }

    /// Checks `path`, has `produce` fill a new temporary file beside it, syncs and renames it over
    /// `path`. Whatever fails, the temporary file is removed and `path` is left as it was.
    public static func replace(_ path: String, force: Bool, protecting: [String], option: String = "--output",
                               produce: (String) throws -> Void) throws {
        try check(path, force: force, protecting: protecting, option: option)
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        var template = Array("\(directory)/.\(url.lastPathComponent).releve-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw OutputRefusal.cannotCreate(path, reason: reason(errno)) }
        let temporary = String(cString: template)
        fchmod(fd, 0o600)
        close(fd)
        do {
            try produce(temporary)
            let sync = open(temporary, O_RDONLY)
            guard sync >= 0 else { throw OutputRefusal.writeFailed(path, reason: reason(errno)) }
            let synced = fsync(sync) == 0
            let code = errno
            close(sync)
            guard synced else { throw OutputRefusal.writeFailed(path, reason: reason(code)) }
            // Checked again just before the rename: a target that became a folder or a device meanwhile.
            try check(path, force: force, protecting: protecting, option: option)
            guard rename(temporary, path) == 0 else { throw OutputRefusal.writeFailed(path, reason: reason(errno)) }
        } catch {
            unlink(temporary)
            throw error
        }
        let folder = open(directory, O_RDONLY | O_DIRECTORY)
        if folder >= 0 { fsync(folder); close(folder) }
    }

    /// Refuses what must never be written over (see the type's documentation).
    public static func check(_ path: String, force: Bool, protecting: [String], option: String = "--output") throws {
        guard !path.isEmpty, !path.contains("\u{0}") else { throw OutputRefusal.emptyPath(option: option) }
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        var info = stat()
        guard stat(directory, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { throw OutputRefusal.missingDirectory(directory) }
        if path.hasSuffix("/") { throw OutputRefusal.isDirectory(path) }
        let protected = Set(protecting.flatMap { [$0, $0 + "-wal", $0 + "-shm", $0 + "-journal"] })
        if protected.contains(where: { samePlace($0, path) }) { throw OutputRefusal.isDatabase(path) }
        guard stat(path, &info) == 0 else { return }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: throw OutputRefusal.isDirectory(path)
        case S_IFREG: break
        default: throw OutputRefusal.notRegular(path)
        }
        for other in protected {
            var theirs = stat()
            if stat(other, &theirs) == 0, theirs.st_dev == info.st_dev, theirs.st_ino == info.st_ino {
                throw OutputRefusal.isDatabase(path)
            }
        }
        if !force { throw OutputRefusal.exists(path) }
    }

    /// Whether two paths name the same place once their folders are resolved (symbolic links,
    /// `..`), whether or not the file exists yet.
    static func samePlace(_ a: String, _ b: String) -> Bool {
        func resolved(_ path: String) -> String {
            let url = URL(fileURLWithPath: path)
            return url.deletingLastPathComponent().resolvingSymlinksInPath().appendingPathComponent(url.lastPathComponent).path
        }
        return resolved(a) == resolved(b)
    }

    static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw OutputRefusal.writeFailed(path, reason: reason(errno))
            }
            offset += n
        }
    }

    /// The system's reason, in French for the common ones.
    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOSPC: return "disque plein (ENOSPC)"
        case EDQUOT: return "quota dépassé (EDQUOT)"
        case EFBIG: return "fichier trop grand (EFBIG)"
        case EACCES, EPERM: return "permission refusée"
        case EROFS: return "système de fichiers en lecture seule"
        case EIO: return "erreur d'entrée-sortie (EIO)"
        default: return String(cString: strerror(code))
        }
    }
}
