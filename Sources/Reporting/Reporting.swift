// Output formats and the exit-code decision. See ScanReport.swift.
