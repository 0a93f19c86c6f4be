// Registers this part's jobs when imported (hooks.server.ts); filled by issue 15.
export {};
