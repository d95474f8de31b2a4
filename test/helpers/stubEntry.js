// The one-line entry of test/helpers/stubEntries.js.
globalThis.annexAuditStub = true;
