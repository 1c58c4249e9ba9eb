// The provider-neutral inventory. See Resource.swift and the kinds beside it.
