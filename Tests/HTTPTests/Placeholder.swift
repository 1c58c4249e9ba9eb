// Tests of the libcurl HTTP client; see HTTPClientTests.swift.
