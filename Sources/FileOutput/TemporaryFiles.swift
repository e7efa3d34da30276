import Dispatch
import Foundation

/// The temporary files this process has open, so that an interrupted run leaves none behind.
///
/// Outputs register their temporary file while it exists. The library never changes how the host
/// process handles signals: a command-line tool opts in with `removeOnSignals()` (SIGINT, SIGTERM,
/// SIGHUP), which removes every registered file and then lets the signal end the process as it
/// would have.
public final class TemporaryFiles: @unchecked Sendable {
    /// The registry of this process.
    public static let shared = TemporaryFiles()

    private let condition = NSCondition()
    private var paths: Set<String> = []
    private var sources: [DispatchSourceSignal] = []
    /// Set once a signal ends the process: from then on no temporary file is registered or created
    /// (a thread that would waits until the process ends), so none appears after the clean-up.
    private var ending = false
    /// Temporary files being created now (`creating(_:)`), which the clean-up waits for.
    private var beingCreated = 0

    func register(_ path: String) {
        condition.lock(); defer { condition.unlock() }
        waitForeverIfEnding()
        paths.insert(path)
    }

    /// Creates a registered temporary file by `create`, so that a clean-up on a signal either waits
    /// for it and removes it, or came first and the file is never created.
    func creating<T>(_ create: () -> T) -> T {
        condition.lock()
        waitForeverIfEnding()
        beingCreated += 1
        condition.unlock()
        let result = create()
        condition.lock()
        beingCreated -= 1
        condition.broadcast()
        condition.unlock()
        return result
    }

    /// Under the lock: once the process is ending, never returns (the process ends meanwhile).
    private func waitForeverIfEnding() {
        while ending { condition.wait() }
    }

    func unregister(_ path: String) {
        condition.lock(); defer { condition.unlock() }
        paths.remove(path)
    }

    /// The temporary files registered now.
    public var registered: Set<String> {
        condition.lock(); defer { condition.unlock() }
        return paths
    }

    /// Removes every registered temporary file, and the files a library derived from one
    /// (`<temporary>.<suffix>`, e.g. libzip's scratch copy while it rewrites the archive).
    public func removeAll() {
        condition.lock(); defer { condition.unlock() }
        removeRegistered()
    }

    /// Under the lock: removes every registered file and what was derived from each.
    private func removeRegistered() {
        for p in paths {
            Syscalls.unlinkQuietly(p)
            let (directory, name) = OutputName.split(p)
            for entry in Syscalls.directoryEntries(directory) ?? [] where entry.hasPrefix(name + ".") {
                Syscalls.unlinkQuietly(directory == "." ? entry : directory + "/" + entry)
            }
        }
        paths.removeAll()
    }

    /// On SIGINT, SIGTERM or SIGHUP: remove every registered temporary file, then end the process by
    /// the same signal (exit status 128 + n to a shell). A signal this process was started with
    /// ignored stays ignored (`nohup` keeps a run going when the terminal closes). Call once, from
    /// `main`, before any other thread is started.
    public func removeOnSignals() {
        condition.lock(); defer { condition.unlock() }
        guard sources.isEmpty else { return }
        let numbers = [Syscalls.interrupt, Syscalls.terminate, Syscalls.hangUp]
        // Blocked in every thread, with a handler that never runs: a signal sent while the sources
        // start (or before `main`, to a process started with it blocked) waits, pending, for its
        // source — `SIG_IGN` would discard it.
        Syscalls.block(numbers)
        for number in numbers {
            guard Syscalls.holdForSource(number) else { continue }
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in
                self?.removeAllForEnd()
                Syscalls.reraise(number)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// The clean-up before a signal ends the process: no temporary file is registered or created
    /// after it (those threads wait for the end), and those being created are waited for first.
    func removeAllForEnd() {
        condition.lock(); defer { condition.unlock() }
        ending = true
        while beingCreated > 0 { condition.wait() }
        removeRegistered()
    }
}
