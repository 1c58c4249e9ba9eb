import ArgumentParser

/// posture's exit codes, decided in one place (see README: Exit codes).
enum ExitStatus: Int32, Error {
    /// No violation at or above the threshold; every example behaved.
    case clean = 0
    /// Violations at or above `--fail-on`, failing policy examples, or an expression that failed.
    case violations = 1
    /// Bad usage, a policy or input error.
    case usageOrInputError = 2
    /// The scan could not read everything it tried to.
    case incomplete = 3

    var exitCode: ExitCode { ExitCode(rawValue) }
}
