import { AsyncLocalStorage } from 'node:async_hooks';

// The client address of the request being served (set by hooks.server.ts), for limits that
// count per address whatever the use case (mail sent on request). Outside a request —
// a job, a script, a unit test — there is none, and such limits do not apply.

const storage = new AsyncLocalStorage<string>();

export function withClientAddress<T>(address: string | undefined, work: () => T): T {
	return address ? storage.run(address, work) : work();
}

export function currentClientAddress(): string | undefined {
	return storage.getStore();
}
