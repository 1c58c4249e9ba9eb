// Live collection tests against moto_server; see LiveScanTests.swift.
